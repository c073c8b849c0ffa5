"use client";

import Link from "next/link";
import { useState } from "react";
import { readApi } from "@/components/ui/read-api";
import { NOTIFICATIONS_CHANGED, useTeamChanges } from "@/components/layout/useTeamChanges";

/**
 * The top bar's bell: a link to the notifications with the unread count. Starts from the server's count and
 * asks again (GET /api/v1/me/notifications?count=1) on every change in the person's teams (the event stream,
 * which PostgreSQL's NOTIFY feeds from every app instance) and when this tab marked some read.
 */
export function NotificationBell({ initial }: { initial: number }) {
  const [count, setCount] = useState(initial);
  useTeamChanges(
    () => {
      readApi("/api/v1/me/notifications?count=1", (d: { unread: number }) => d.unread)
        .then((result) => result.ok && setCount(result.data))
        .catch(() => {});
    },
    { alsoOn: [NOTIFICATIONS_CHANGED] },
  );
  const label = count === 0 ? "Notifications, none unread" : `Notifications, ${count} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative grid h-8 w-8 place-items-center rounded-md text-ink hover:bg-stone-100 hover:text-accent"
    >
      <svg
        data-ui-icon
        aria-hidden
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span
          data-testid="notification-count"
          className="absolute -top-1 -right-1 min-w-5 rounded-full bg-accent px-1 text-center text-[11px] leading-5 font-medium text-white tabular-nums"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
