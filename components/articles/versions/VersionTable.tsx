import Link from "next/link";
import { When } from "@/components/ui/When";
import type { VersionSummaryDTO } from "@/lib/articles/versions";

const size = (chars: number) => `${chars.toLocaleString("en-GB")} characters`;

/** Every version, newest first, with who saved it, when, and links to read or compare it. */
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
      <table className="w-full border-collapse text-sm" data-testid="version-table">
        <thead>
          <tr className="border-b border-rule text-left text-xs uppercase tracking-wide text-muted">
            <th className="py-2 pr-3 font-semibold">Version</th>
            <th className="py-2 pr-3 font-semibold">Saved by</th>
            <th className="py-2 pr-3 font-semibold">When</th>
            <th className="py-2 pr-3 font-semibold">Size</th>
            <th className="py-2 pr-3 font-semibold">Content hash</th>
            <th className="py-2 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr
              key={v.number}
              className="border-b border-rule align-top aria-[current=true]:bg-sky-50"
              aria-current={viewing === v.number ? "true" : undefined}
            >
              <td className="py-2 pr-3">
                <span className="font-medium">{v.number}</span>
                {v.current && <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">current</span>}
                <span className="block max-w-[28ch] truncate text-xs text-muted" title={v.title}>
                  {v.title}
                </span>
              </td>
              <td className="py-2 pr-3">{v.createdBy?.name ?? <span className="text-muted">Imported</span>}</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                <When iso={v.createdAt} />
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">{size(v.size)}</td>
              <td className="py-2 pr-3">
                <code className="rounded bg-stone-100 px-1 text-xs" title={`sha256 ${v.contentHash}`}>
                  {v.contentHash.slice(0, 12)}
                </code>
              </td>
              <td className="py-2 whitespace-nowrap text-right">
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
