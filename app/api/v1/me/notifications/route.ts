import { route } from "@/lib/http/route";
import { listNotifications } from "@/lib/notifications/list";
import { ZListNotifications } from "@/lib/validation/notifications";

export const dynamic = "force-dynamic";

/** The caller's notifications in the active team, newest first, with the unread count; `count=1` for the count only. */
export const GET = route({ auth: "user", team: true, query: ZListNotifications }, async ({ user, query }) =>
  listNotifications({
    userId: user.id,
    teamId: user.teamId,
    unreadOnly: query.unread === "1",
    countOnly: query.count === "1",
    cursor: query.cursor,
  }),
);
