import "@/lib/validation/zod-config";
import { z } from "zod";
import { text, ZId } from "@/lib/validation/fields";

/** What a notification is about (the NotificationKind enum of prisma/schema.prisma). */
export const NOTIFICATION_KINDS = ["assignment", "mention", "reply", "dispute", "sign_off", "correction"] as const;
export type NotificationKindKey = (typeof NOTIFICATION_KINDS)[number];

/** Notifications per page of the list. */
export const NOTIFICATION_PAGE_SIZE = 30;

const kind = z.enum(NOTIFICATION_KINDS, { message: "Choose assignment, mention, reply, dispute, sign_off or correction." });
const kinds = z.array(kind).max(NOTIFICATION_KINDS.length, "Name each kind once.");

/** The list of the caller's notifications: `unread=1` for the unread ones only, `count=1` for the count only, a cursor from the last page. */
export const ZListNotifications = z.object({
  unread: z.enum(["1"], { message: "Use unread=1 for the unread ones only." }).optional(),
  count: z.enum(["1"], { message: "Use count=1 for the unread count only." }).optional(),
  cursor: ZId.optional(),
});
export type TListNotifications = z.infer<typeof ZListNotifications>;

/** One notification of the caller's, by id. */
export const ZNotificationRef = z.object({ notificationId: ZId });

/**
 * The person's notification settings (Account → Notifications): email notices for assignments and due-soon
 * claims (kept from before), kinds left out of the in-app list, kinds never emailed, and email as it happens or
 * as one daily digest.
 */
export const ZNotificationPreferences = z.object({
  notifyAssignments: z.boolean({ message: "Say true or false." }),
  notifyDueSoon: z.boolean({ message: "Say true or false." }),
  inAppMuted: kinds,
  emailMuted: kinds,
  emailDigest: z.boolean({ message: "Say true or false." }),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** Members per page of a member search. */
export const MEMBER_SEARCH_PAGE_SIZE = 20;

/**
 * A search of the active team's members: `q` matches names and email addresses (any part, any case; empty lists
 * everyone, by name), `writers=1` leaves out viewers (who cannot be assigned), `cursor` continues a page.
 */
export const ZMemberSearch = z.object({
  q: text({ max: 100, tooLong: "Keep the search under 100 characters." }).optional(),
  writers: z.enum(["1"], { message: "Use writers=1 to leave out viewers." }).optional(),
  cursor: ZId.optional(),
});
export type TMemberSearch = z.infer<typeof ZMemberSearch>;
