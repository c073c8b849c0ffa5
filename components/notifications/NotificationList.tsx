"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { NotificationDTO } from "@/lib/notifications/list";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";
import { NOTIFICATIONS_CHANGED } from "@/components/layout/useTeamChanges";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { When } from "@/components/ui/When";
import { linkButtonClass, quietButtonClass } from "@/components/ui/styles";

const KIND_CHIPS: Record<NotificationDTO["kind"], string> = {
  assignment: "Assigned",
  mention: "Mention",
  reply: "Reply",
  dispute: "Dispute",
  sign_off: "Signed off",
  correction: "Correction",
};

const announce = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));

/**
 * The person's notifications, newest first: each opens its claim (and is marked read on the way), can be marked
 * read on its own, and "Mark all read" clears the unread count. The page re-renders from the server after each.
 */
export function NotificationList({ items, unread, unreadOnly }: { items: NotificationDTO[]; unread: number; unreadOnly: boolean }) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  const [opening, setOpening] = useState<string | null>(null);

  async function markRead(id: string) {
    if (await run(() => markNotificationReadAction({ notificationId: id }))) {
      announce();
      router.refresh();
    }
  }

  async function markAll() {
    if (await run(() => markAllNotificationsReadAction({}))) {
      announce();
      router.refresh();
    }
  }

  async function open(event: React.MouseEvent<HTMLAnchorElement>, item: NotificationDTO) {
    if (item.readAt || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setOpening(item.id);
    // Opening counts as reading; the claim opens even if marking fails.
    await markNotificationReadAction({ notificationId: item.id }).catch(() => null);
    announce();
    router.push(item.href);
  }

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <nav aria-label="Show" className="flex gap-1 text-sm">
          <Link
            href="/notifications"
            aria-current={!unreadOnly ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 ${!unreadOnly ? "bg-stone-200 font-medium" : "text-muted hover:text-accent"}`}
          >
            All
          </Link>
          <Link
            href="/notifications?unread=1"
            aria-current={unreadOnly ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 ${unreadOnly ? "bg-stone-200 font-medium" : "text-muted hover:text-accent"}`}
          >
            Unread <span className="tabular-nums">({unread})</span>
          </Link>
        </nav>
        <button type="button" className={`${quietButtonClass} ml-auto`} disabled={pending || unread === 0} onClick={markAll}>
          Mark all read
        </button>
      </div>
      <FormError message={error} />
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-rule bg-white p-6 text-sm text-muted">
          {unreadOnly
            ? "Nothing unread. You are up to date."
            : "No notifications yet. You will hear here when someone assigns you a claim, mentions you with @ in a comment, replies to you, or when a claim you review is disputed, signed off or corrected."}
        </p>
      ) : (
        <ol className="divide-y divide-rule rounded-lg border border-rule bg-white" data-testid="notification-list">
          {items.map((item) => (
            <li
              key={item.id}
              className={`flex items-start gap-3 p-3 ${item.readAt ? "" : "bg-accent/5"}`}
              data-testid="notification"
              data-unread={item.readAt ? undefined : "true"}
            >
              <span aria-hidden className={`mt-2 h-2 w-2 shrink-0 rounded-full ${item.readAt ? "bg-transparent" : "bg-accent"}`} />
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  <span className="mr-2 inline-block rounded bg-stone-100 px-1.5 text-xs text-muted">{KIND_CHIPS[item.kind]}</span>
                  <Link
                    href={item.href}
                    onClick={(e) => open(e, item)}
                    className={`hover:text-accent ${item.readAt ? "text-ink" : "font-medium text-ink"}`}
                  >
                    {item.text}
                    {!item.readAt && <span className="sr-only"> (unread)</span>}
                  </Link>
                  {opening === item.id && <span className="ml-2 text-xs text-muted">Opening…</span>}
                </p>
                <p className="mt-1 font-serif text-sm text-muted" dir="auto">
                  “{item.exact}”
                </p>
                {item.comment && (
                  <p className="mt-1 border-l-2 border-rule pl-2 text-sm break-words text-ink" dir="auto">
                    {item.comment}
                  </p>
                )}
                <p className="mt-1 text-xs text-muted">
                  <When iso={item.createdAt} />
                </p>
              </div>
              {!item.readAt && (
                <button type="button" className={`${linkButtonClass} shrink-0`} disabled={pending} onClick={() => markRead(item.id)}>
                  Mark read
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
