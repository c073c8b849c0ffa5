import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { getArticle } from "@/lib/articles/get-article";
import { diffVersions, getVersion, listVersions } from "@/lib/articles/versions";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { DiffView } from "@/components/articles/versions/DiffView";
import { VersionTable } from "@/components/articles/versions/VersionTable";
import { VersionText } from "@/components/articles/versions/VersionText";
import { buttonClass, inputClass, quietButtonClass } from "@/components/ui/styles";
import { pageId } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string; from?: string; to?: string }> };

export const metadata: Metadata = { title: "Versions" };

const asNumber = (value: string | undefined, known: Set<number>) => {
  const n = Number(value);
  return Number.isInteger(n) && known.has(n) ? n : null;
};

export default async function VersionsPage({ params, searchParams }: Props) {
  const id = pageId(await params);
  if (!id) notFound();
  const query = await searchParams;
  const user = await requireUser();
  const article = await getArticle({ id, userId: user.id });
  if (!article) notFound();
  const versions = await listVersions({ articleId: article.id, userId: user.id });
  const known = new Set(versions.map((v) => v.number));
  const latest = versions[0]!.number;
  const view = asNumber(query.view, known);
  // Without a choice, show what the latest save changed.
  const from = asNumber(query.from, known) ?? (view === null && latest > 1 ? latest - 1 : null);
  const to = asNumber(query.to, known) ?? (view === null && latest > 1 ? latest : null);
  const [shown, diff] = await Promise.all([
    view !== null ? getVersion({ articleId: article.id, number: view, userId: user.id }) : null,
    view === null && from !== null && to !== null && from !== to
      ? diffVersions({ articleId: article.id, from, to, userId: user.id })
      : null,
  ]);

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link href={`/articles/${article.id}`} className="text-sm text-muted underline-offset-2 hover:text-accent hover:underline">
        ← Back to the article
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Versions</h1>
          <p className="font-serif text-lg text-muted">{article.title}</p>
        </div>
        {SIGN_OFF_ROLES.includes(article.myRole) && (
          <Link href={`/articles/${article.id}/edit`} className={quietButtonClass}>
            Edit text
          </Link>
        )}
      </div>
      <p className="text-sm text-muted">Every save keeps the earlier text unchanged. Read any version, or compare two of them.</p>
      <VersionTable articleId={article.id} versions={versions} viewing={view} />

      {versions.length > 1 && (
        <form
          method="get"
          className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-4"
          aria-label="Compare two versions"
        >
          <label className="text-sm">
            From version
            <select name="from" defaultValue={from ?? latest - 1} className={`${inputClass} mt-1 w-28`}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            to version
            <select name="to" defaultValue={to ?? latest} className={`${inputClass} mt-1 w-28`}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass}>
            Compare
          </button>
        </form>
      )}

      {shown && <VersionText version={shown} />}
      {diff && <DiffView diff={diff} />}
      {!shown && !diff && versions.length === 1 && (
        <p className="rounded-md border border-rule bg-white p-4 text-sm text-muted">
          There is only one version so far. When an editor saves a change to the text, it appears here.
        </p>
      )}
      {!shown && !diff && from !== null && from === to && <p className="text-sm text-muted">Choose two different versions to compare.</p>}
    </div>
  );
}
