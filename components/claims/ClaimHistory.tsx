import type { ActivityDTO } from "@/lib/audit/list-activity";
import { When } from "@/components/ui/When";
import { sectionTitleClass } from "@/components/ui/styles";
import { STATUSES } from "@/lib/claims/verdicts";

/** Every audit action in words; actions-in-words.test.ts checks that each one written in lib/ is here. */
export const ACTION_TEXT: Record<string, string> = {
  "claim.created": "highlighted the claim",
  "claim.status": "changed the status",
  "claim.verdict": "proposed a verdict",
  "claim.verified": "signed off the verdict",
  "claim.adjudicated": "settled the disputed double review",
  "review.submitted": "submitted an independent verdict",
  "claim.double-review": "changed whether the claim needs double review",
  "claim.numeric": "corrected the claim's numbers",
  "claim.claimant": "changed who made the claim or where it appeared",
  "report.correction": "added a correction note to the public report",
  "claim.reopened": "reopened the claim",
  "claim.tagged": "tagged the claim",
  "claim.untagged": "took a tag off the claim",
  "article.tagged": "tagged the article",
  "article.untagged": "took a tag off the article",
  "tag.renamed": "renamed or recoloured a tag",
  "tag.merged": "merged two tags",
  "tag.deleted": "deleted a tag",
  "comment.added": "commented",
  "comment.replied": "replied to a comment",
  "comment.edited": "edited a comment",
  "comment.deleted": "deleted a comment",
  "comment.restored": "restored a comment",
  "evidence.added": "added evidence",
  "article.version_saved": "saved a new version of the text",
  "claim.reanchored": "moved the claim onto a new version of the text",
  "claim.needs_reanchoring": "changed the text; the claim needs re-anchoring",
  "claim.anchor_confirmed": "attached the claim to a suggested place",
  "claim.anchor_chosen": "attached the claim to selected words",
  "claim.orphaned": "marked the claim orphaned",
  "claim.restored": "restored the orphaned claim for re-anchoring",
  "claim.imported": "imported the claim from a W3C annotation file",
  "article.imported": "imported the article",
  "article.details_updated": "changed the article's title or details",
  "report.published": "published the public report",
  "article.double-review": "changed whether new claims need double review",
  "report.unpublished": "took the public report down",
  "claim.assigned": "changed who reviews this",
  "suggestion.dismissed": "dismissed a suggested claim",
  "member.added": "added a member to the team",
  "member.updated": "changed a member's role or access",
  "member.password-reset": "reset a member's password",
  "team.profile": "changed the team's profile",
  "team.time_zone_set": "changed the team's time zone",
  "team.two-factor-rule": "changed the team's two-factor rule",
  "team.created": "created the team",
  "team.renamed": "renamed the team",
  "team.archived": "archived the team",
  "team.unarchived": "brought the team back from the archive",
  "team.options": "changed the team's review settings",
  "invitation.created": "invited someone to the team",
  "invitation.resent": "sent an invitation again",
  "invitation.revoked": "revoked an invitation",
  "invitation.accepted": "accepted an invitation and joined",
  "member.joined-by-sso": "joined through single sign-on",
  "account.password-reset-by-email": "reset their password by email",
  "api_token.created": "created an API token",
  "api_token.revoked": "revoked an API token",
  "account.password-changed": "changed their password",
};

const statusLabel = (key: string) => STATUSES.find((s) => s.key === key)?.label.toLowerCase() ?? key.replace(/_/g, " ");
const dueFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "Rosa and Rahul" / "Rosa, Rahul and Ann". */
function names(list: string[]): string {
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

/** claim.assigned in words: "assigned this to Rahul, due 10 Dec" (the due date is a calendar day, YYYY-MM-DD). */
function describeAssignment(after: unknown): string {
  const assigned = field(after, "names");
  const due = field(after, "dueAt");
  if (!Array.isArray(assigned) || assigned.length === 0) return "removed the assignment";
  const day = typeof due === "string" && /^\d{4}-\d{2}-\d{2}$/.test(due) ? `, due ${dueFormat.format(new Date(`${due}T00:00:00Z`))}` : "";
  return `assigned this to ${names(assigned.map(String))}${day}`;
}

/** One key of an audit row's before/after JSON, or undefined when it is not an object. */
export const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

export function describeActivity(event: ActivityDTO): string {
  // An action this list does not know yet still reads as words, never as a raw key.
  const base = ACTION_TEXT[event.action] ?? "made a change";
  const to = field(event.after, "status");
  if (event.action === "claim.status" && typeof to === "string") return `${base} to ${statusLabel(to)}`;
  if (event.action === "claim.assigned") return describeAssignment(event.after);
  const tagName = field(event.after ?? event.before, "tag");
  if ((event.action === "claim.tagged" || event.action === "claim.untagged") && typeof tagName === "string") return `${base}: ${tagName}`;
  const verdict = field(field(event.after, "verdict"), "verdict");
  if (event.action === "claim.verdict" && typeof verdict === "string") return `${base}: ${verdict}`;
  if (event.action === "claim.adjudicated" && typeof verdict === "string") {
    return `${base}: ${verdict} (${String(field(field(event.after, "verdict"), "explanation") ?? "")})`;
  }
  const reviewLabel = field(event.after, "label");
  if (event.action === "review.submitted" && typeof reviewLabel === "string") {
    const outcome = field(event.after, "outcome");
    return `${base}: ${reviewLabel}${outcome === "agreed" ? "; the two verdicts agree" : outcome === "disputed" ? "; the two verdicts differ, so the claim is disputed" : ""}`;
  }
  const saved = field(event.after, "version");
  if (event.action === "article.version_saved" && typeof saved === "number") return `saved version ${saved} of the text`;
  const confidence = field(event.after, "confidence");
  if (event.action === "claim.reanchored" && typeof saved === "number" && typeof confidence === "number") {
    return `moved the claim onto version ${saved} (${String(field(event.after, "method")).replace("-", " ")}, ${Math.round(confidence * 100)}% sure)`;
  }
  if (
    (event.action === "claim.anchor_confirmed" || event.action === "claim.anchor_chosen") &&
    field(event.after, "wordsChanged") === true
  ) {
    const signOff =
      field(event.after, "status") === "verdict_proposed" ? "; the verdict goes back to proposed until an editor signs it off again" : "";
    return `${base}, whose words differ from the ones the verdict was given on${signOff}`;
  }
  if (event.action === "claim.needs_reanchoring" && field(event.after, "heldBack") === "verdict-words-changed") {
    return "changed the words of a claim with a verdict; a person must confirm where it belongs";
  }
  const note = field(event.after, "note");
  if (event.action === "report.correction" && typeof note === "string")
    return `${base} (${field(event.after, "kind") === "correction" ? "correction" : "update"}): ${note}`;
  const title = field(event.after, "title");
  if (event.action === "evidence.added" && typeof title === "string") return `${base}: ${title}`;
  return base;
}

export function ClaimHistory({ events }: { events: ActivityDTO[] }) {
  return (
    <div>
      <h3 className={sectionTitleClass}>History</h3>
      <ol className="space-y-1.5 border-l border-rule pl-3 text-xs" data-testid="claim-history">
        {[...events].reverse().map((event) => (
          <li key={event.id}>
            <span className="font-medium text-ink">{event.actor.name}</span> {describeActivity(event)}
            <span className="block text-muted">
              <When iso={event.createdAt} />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
