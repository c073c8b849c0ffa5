import Link from "next/link";
import { When } from "@/components/ui/When";
import type { VersionSummaryDTO } from "@/lib/articles/versions";

const size = (chars: number) => `${chars.toLocaleString("en-GB")} characters`;

/**
 * Every version, newest first, with who saved it, when, and links to read or compare it. Below 640 px (a phone) each
 * row is a small card: number, title and who saved it on the left, when on the right, the links under them, without
 * the size; the content hash (for checking a copy, not for reading) shows from 1024 px up; the API's version list
 * always has it. Nothing scrolls sideways from 390 px up (keys30).
 */
export function VersionTable({
  articleId,
  versions,
  viewing,
}: {
  articleId: string;
  versions: VersionSummaryDTO[];
  viewing: number | null;
}) {
  const base = `/articles/${articleId}/versions`;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm max-sm:block" data-testid="version-table">
        <thead className="max-sm:sr-only">
          <tr className="border-b border-rule text-left text-xs uppercase tracking-wide text-muted">
            <th className="py-2 pr-3 font-semibold">Version</th>
            <th className="py-2 pr-3 font-semibold">Saved by</th>
            <th className="py-2 pr-3 font-semibold">When</th>
            <th className="py-2 pr-3 font-semibold">Size</th>
            <th className="py-2 pr-3 font-semibold max-lg:hidden">Content hash</th>
            <th className="py-2 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {versions.map((v) => (
            <tr
              key={v.number}
              className="border-b border-rule align-top aria-[current=true]:bg-sky-50 max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-3 max-sm:py-2"
              aria-current={viewing === v.number ? "true" : undefined}
            >
              <td className="py-2 pr-3 max-sm:col-start-1 max-sm:row-start-1 max-sm:p-0">
                <span className="font-medium">{v.number}</span>
                {v.current && <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">current</span>}
                <span className="block max-w-[28ch] truncate text-xs text-muted" title={v.title}>
                  {v.title}
                </span>
              </td>
              <td className="py-2 pr-3 max-sm:col-start-1 max-sm:row-start-2 max-sm:p-0 max-sm:text-xs">
                {v.createdBy ? (
                  <>
                    <span className="sm:hidden">by </span>
                    {v.createdBy.name}
                  </>
                ) : (
                  <span className="text-muted">Imported</span>
                )}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap max-sm:col-start-2 max-sm:row-start-1 max-sm:p-0 max-sm:text-right">
                <When iso={v.createdAt} />
              </td>
              <td className="py-2 pr-3 whitespace-nowrap max-sm:hidden">{size(v.size)}</td>
              <td className="py-2 pr-3 max-lg:hidden">
                <code className="rounded bg-stone-100 px-1 text-xs" title={`sha256 ${v.contentHash}`}>
                  {v.contentHash.slice(0, 12)}
                </code>
              </td>
              <td className="py-2 whitespace-nowrap text-right max-sm:col-span-2 max-sm:pt-1 max-sm:pb-0 max-sm:text-left">
                <Link href={`${base}?view=${v.number}`} className="text-accent underline-offset-2 hover:underline">
                  Read
                </Link>
                {v.number > 1 && (
                  <>
                    {" · "}
                    <Link href={`${base}?from=${v.number - 1}&to=${v.number}`} className="text-accent underline-offset-2 hover:underline">
                      Changes from {v.number - 1}
                    </Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
