import type { ClaimEventDTO } from "@/lib/claims/get-claim";
import { formatWhen } from "@/components/claims/format";
import { sectionTitleClass } from "@/components/ui/styles";

const ACTION_TEXT: Record<string, string> = {
  "claim.created": "highlighted the claim",
  "claim.status": "changed the status",
  "claim.verdict": "proposed a verdict",
  "claim.verified": "signed off the verdict",
  "claim.reopened": "reopened the claim",
  "comment.added": "commented",
  "comment.replied": "replied to a comment",
  "comment.edited": "edited a comment",
  "comment.deleted": "deleted a comment",
  "comment.restored": "restored a comment",
  "evidence.added": "added evidence",
};

function describe(event: ClaimEventDTO): string {
  const detail = (event.detail ?? {}) as Record<string, unknown>;
  const base = ACTION_TEXT[event.action] ?? event.action;
  if (event.action === "claim.status" && typeof detail.to === "string") return `${base} to ${detail.to.replace(/_/g, " ")}`;
  if (event.action === "claim.verdict" && typeof detail.verdict === "string") return `${base}: ${detail.verdict}`;
  if (event.action === "evidence.added" && typeof detail.title === "string") return `${base}: ${detail.title}`;
  return base;
}

export function ClaimHistory({ events }: { events: ClaimEventDTO[] }) {
  return (
    <div>
      <h3 className={sectionTitleClass}>History</h3>
      <ol className="space-y-1.5 border-l border-rule pl-3 text-xs" data-testid="claim-history">
        {[...events].reverse().map((event) => (
          <li key={event.id}>
            <span className="font-medium text-ink">{event.actor.name}</span> {describe(event)}
            <span className="block text-muted">{formatWhen(event.createdAt)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
