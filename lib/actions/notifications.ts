"use server";

import { z } from "zod";
import { action } from "@/lib/http/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/list";
import { ZNotificationRef } from "@/lib/validation/notifications";

/** { notificationId } → { id, readAt }: marks one of my notifications read (404 for anyone else's). */
export const markNotificationReadAction = action(ZNotificationRef, { team: true }, (input, user) =>
  markNotificationRead({ ...input, userId: user.id, teamId: user.teamId }),
);

/** {} → { count }: marks all my notifications in the active team read. */
export const markAllNotificationsReadAction = action(z.object({}), { team: true }, (_input, user) =>
  markAllNotificationsRead({ userId: user.id, teamId: user.teamId }),
);
