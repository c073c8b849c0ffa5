import type { SuggestionDTO } from "@/lib/claims/suggested";
import { truncateText } from "@/lib/text/graphemes";
import { sectionTitleClass } from "@/components/ui/styles";
import { VerdictBadge } from "@/components/claims/VerdictBadge";

/**
 * Suggestions the desk has checked before (an earlier verdict on a claim that reads alike), in the order the API
 * ranks them (most alike first), at the top of the claims sidebar; clicking one opens its suggestion card.
 * While earlier verdicts are still being looked up for some suggestions (`checkedBeforePending`), says so under the
 * list (alone, without the heading, while none is known to be checked before). Renders nothing when there are none
 * and none pending.
 */
export function CheckedBeforeSuggestions({ suggestions, onOpen }: { suggestions: SuggestionDTO[]; onOpen: (id: string) => void }) {
  const checked = suggestions.filter((s) => s.checkedBefore);
  const pending = suggestions.filter((s) => s.checkedBeforePending).length;
  if (checked.length === 0 && pending === 0) return null;
  return (
    <section aria-label="Suggestions checked before" className="border-b border-rule p-3" data-testid="checked-before-suggestions">
      {checked.length > 0 && <h3 className={sectionTitleClass}>Suggested, and checked before ({checked.length})</h3>}
      <ul className="space-y-1.5">
        {checked.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => onOpen(s.id)}
              className="w-full rounded-md border border-amber-200 bg-amber-50 p-2 text-left text-sm hover:border-amber-400"
            >
              <VerdictBadge verdict={{ label: s.checkedBefore!.verdict, ordinal: s.checkedBefore!.verdictOrdinal }} /> · “
              {truncateText(s.text, 90)}”
              <span className="block text-xs text-muted">Checked before in {s.checkedBefore!.article.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {pending > 0 && (
        <p className={`${checked.length > 0 ? "mt-1.5 " : ""}text-xs text-muted`} role="status" data-testid="checked-before-pending">
          Checking earlier verdicts for {pending} {pending === 1 ? "suggestion" : "suggestions"}…
        </p>
      )}
    </section>
  );
}
