import { db } from "@/lib/db";
import type { TNotificationSettings } from "@/lib/validation/mail";

/** The person's email notice settings: assignment notices and due-soon notices, each on or off. */
export async function getNotificationSettings({ userId }: { userId: string }): Promise<TNotificationSettings> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyAssignments: true, notifyDueSoon: true } });
}

/** Turns the person's own email notices on or off; returns them as saved. Only ever the caller's own account. */
export async function setNotificationSettings({
  userId,
  ...settings
}: TNotificationSettings & { userId: string }): Promise<TNotificationSettings> {
  return db.user.update({ where: { id: userId }, data: settings, select: { notifyAssignments: true, notifyDueSoon: true } });
}
