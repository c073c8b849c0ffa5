import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { getArticle } from "@/lib/articles/get-article";
import { articleToMarkdown, MAX_IMPORT_BYTES } from "@/lib/articles/import";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { countAnchoredClaims } from "@/lib/articles/versions";
import { VersionEditor } from "@/components/articles/versions/VersionEditor";
import { pageId } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit text" };

export default async function EditArticlePage({ params }: Props) {
  const id = pageId(await params);
  if (!id) notFound();
  const user = await requireUser();
  const article = await getArticle({ id, userId: user.id });
  if (!article) notFound();
  const back = (
    <Link href={`/articles/${article.id}`} className="text-sm text-muted underline-offset-2 hover:text-accent hover:underline">
      ← Back to the article
    </Link>
  );
  if (!SIGN_OFF_ROLES.includes(article.myRole)) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        {back}
        <p className="rounded-md border border-rule bg-white p-4 text-sm">
          Only an editor can change the article text. You can read every version on the Versions page.
        </p>
      </div>
    );
  }
  // The article row always holds its current version's title, body and structure.
  const claims = await countAnchoredClaims(article.id);
  const markdown = articleToMarkdown(article.body, article.blocks);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      {back}
      <VersionEditor
        articleId={article.id}
        baseVersion={article.version}
        initialTitle={article.title}
        initialMarkdown={markdown}
        claims={claims}
        maxBytes={MAX_IMPORT_BYTES}
      />
    </div>
  );
}
