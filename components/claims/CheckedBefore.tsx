import Link from "next/link";
import type { CheckedBeforeDTO } from "@/lib/claims/checked-before";
import { truncateText } from "@/lib/text/graphemes";
import { sectionTitleClass } from "@/components/ui/styles";
import { VerdictBadge } from "@/components/claims/VerdictBadge";

/** Earlier verdicts of the team on claims that read alike, in any article. */
export function CheckedBefore({ matches }: { matches: CheckedBeforeDTO[] }) {
  if (matches.length === 0) return null;
  return (
    <div data-testid="checked-before">
      <h3 className={sectionTitleClass}>Checked before</h3>
      <ul className="space-y-1.5 text-sm">
        {matches.map((m) => (
          <li key={m.claimId} className="rounded-md border border-amber-200 bg-amber-50 p-2">
            <VerdictBadge verdict={{ label: m.verdict, ordinal: m.verdictOrdinal }} />{" "}
            <Link href={`/articles/${m.article.id}?claim=${m.claimId}`} className="text-accent underline-offset-2 hover:underline">
              <span dir="auto">“{truncateText(m.exact, 100)}”</span>
            </Link>
            <span className="block text-xs text-muted">
              {m.article.title} · {Math.round(m.similarity * 100)}% alike
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
