import { route } from "@/lib/http/route";
import { markAllNotificationsRead } from "@/lib/notifications/list";

/** Marks all of the caller's unread notifications in the active team read. */
export const POST = route({ auth: "user", team: true }, async ({ user }) =>
  markAllNotificationsRead({ userId: user.id, teamId: user.teamId }),
);
