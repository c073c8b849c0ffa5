import { route } from "@/lib/http/route";
import { markNotificationRead } from "@/lib/notifications/list";
import { ZIdParams } from "@/lib/validation/ids";

/** Marks one of the caller's notifications read; anyone else's answers 404. */
export const POST = route({ auth: "user", team: true, params: ZIdParams }, async ({ user, params }) => ({
  notification: await markNotificationRead({ userId: user.id, teamId: user.teamId, notificationId: params.id }),
}));
