import { db } from "@/lib/db";
import type { TNotificationPreferences } from "@/lib/validation/notifications";

const select = { notifyAssignments: true, notifyDueSoon: true, inAppMuted: true, emailMuted: true, emailDigest: true } as const;

/**
 * The person's notification settings: email notices for assignments and due-soon claims, the kinds left out of
 * the in-app list, the kinds never emailed, and whether email comes as events happen or as one daily digest.
 */
export async function getNotificationSettings({ userId }: { userId: string }): Promise<TNotificationPreferences> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select });
}

/** Saves the person's own notification settings (kinds listed once each); returns them as saved. Only ever the caller's own account. */
export async function setNotificationSettings({
  userId,
  inAppMuted,
  emailMuted,
  ...switches
}: TNotificationPreferences & { userId: string }): Promise<TNotificationPreferences> {
  return db.user.update({
    where: { id: userId },
    data: { ...switches, inAppMuted: [...new Set(inAppMuted)], emailMuted: [...new Set(emailMuted)] },
    select,
  });
}
