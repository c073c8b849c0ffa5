import type { ActivityDTO } from "@/lib/audit/list-activity";
import { When } from "@/components/ui/When";
import { describeActivity } from "@/components/claims/ClaimHistory";

type Props = { events: ActivityDTO[]; onOpen: (claimId: string) => void };

/** The article's recent activity, newest first; each line opens its claim. */
export function ActivityFeed({ events, onOpen }: Props) {
  if (events.length === 0) return <p className="p-4 text-sm text-muted">Nothing has happened on this article yet.</p>;
  return (
    <ol className="divide-y divide-rule text-sm" data-testid="activity-feed">
      {events.map((event) => (
        <li key={event.id}>
          <button
            type="button"
            className="block w-full px-3 py-2 text-left hover:bg-stone-50 disabled:cursor-default"
            disabled={!event.claimId}
            onClick={() => event.claimId && onOpen(event.claimId)}
          >
            <span className="font-medium">{event.actor.name}</span> {describeActivity(event)}
            <span className="block text-xs text-muted">
              <When iso={event.createdAt} />
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
