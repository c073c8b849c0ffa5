import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { MAX_IMPORT_BYTES } from "@/lib/articles/import/limits";
import { ImportArticleForm } from "@/components/articles/ImportArticleForm";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const user = await requireUser();
  // The API checks again on submit; this only spares others a form they cannot use.
  if (!user.role || !SIGN_OFF_ROLES.includes(user.role)) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">New article</h1>
        <p className="mt-2 text-muted">
          Only editors and admins can import articles. Ask an editor of {user.teamName ?? "your team"} to add it.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6">
        <Link href="/articles" className="text-sm text-muted hover:text-accent">
          ← Articles
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">New article</h1>
        <p className="text-sm text-muted">
          Import an article into {user.teamName} to check its claims. The text is stored as it reads, without the page around it.
        </p>
      </div>
      <ImportArticleForm maxBytes={MAX_IMPORT_BYTES} />
    </div>
  );
}
