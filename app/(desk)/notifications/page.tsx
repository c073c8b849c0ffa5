import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { listNotifications } from "@/lib/notifications/list";
import { ZListNotifications } from "@/lib/validation/notifications";
import { LiveRefresh } from "@/components/layout/LiveRefresh";
import { NotificationList } from "@/components/notifications/NotificationList";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The person's notifications in the active team (newest first, 30 a page), live. */
export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!user.teamId) return <p className="text-muted">You are not a member of any team yet. Ask an admin to add you.</p>;
  const raw = await searchParams;
  const parsed = ZListNotifications.safeParse({
    unread: typeof raw.unread === "string" ? raw.unread : undefined,
    cursor: typeof raw.cursor === "string" ? raw.cursor : undefined,
  });
  const query = parsed.success ? parsed.data : {};
  const page = await listNotifications({ userId: user.id, teamId: user.teamId, unreadOnly: query.unread === "1", cursor: query.cursor });
  const next = page.nextCursor
    ? `/notifications?${new URLSearchParams({ ...(query.unread ? { unread: "1" } : {}), cursor: page.nextCursor })}`
    : null;
  return (
    <div className="mx-auto max-w-3xl">
      <LiveRefresh />
      <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
      <p className="mb-6 text-sm text-muted">
        What happened to your work in {user.teamName}, newest first. Choose what you hear about under{" "}
        <Link href="/account#notices" className="text-accent underline underline-offset-2">
          Account → Notifications
        </Link>
        .
      </p>
      <NotificationList items={page.items} unread={page.unread} unreadOnly={query.unread === "1"} />
      {(next || query.cursor) && (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {query.cursor && (
            <Link href={query.unread ? "/notifications?unread=1" : "/notifications"} className="text-accent hover:underline">
              Newest
            </Link>
          )}
          {next && (
            <Link href={next} className="text-accent hover:underline">
              Older
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
