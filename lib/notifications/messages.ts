import { truncateText } from "@/lib/text/graphemes";
import type { NotificationKindKey } from "@/lib/validation/notifications";

/** What the settings and the list call each kind of notification. */
export const KIND_LABELS: Record<NotificationKindKey, string> = {
  assignment: "A claim is assigned to me",
  mention: "Someone mentions me in a comment",
  reply: "Someone replies to my comment",
  dispute: "Review verdicts on a claim I review (or, as an editor, on my team) disagree",
  sign_off: "An editor signs off a claim I reviewed",
  correction: "A published verdict I worked on is corrected",
};

/** Cuts `text` to `max` graphemes with an ellipsis (never half an emoji: mail and JSON refuse those). Pure. */
export const excerpt = (text: string, max = 140) => truncateText(text, max);

/**
 * One sentence saying what happened, for the list and for emails: who (`actor`, "Someone" when their account is
 * gone), what (`kind`) and where (the article's title). Pure.
 */
export function describeNotification({
  kind,
  actor,
  articleTitle,
}: {
  kind: NotificationKindKey;
  actor: string | null;
  articleTitle: string;
}) {
  const who = actor ?? "Someone";
  const where = `“${excerpt(articleTitle, 80)}”`;
  switch (kind) {
    case "assignment":
      return `${who} assigned you a claim in ${where}`;
    case "mention":
      return `${who} mentioned you in a comment in ${where}`;
    case "reply":
      return `${who} replied to your comment in ${where}`;
    case "dispute":
      return `Review verdicts disagree on a claim in ${where}`;
    case "sign_off":
      return `${who} signed off a claim you reviewed in ${where}`;
    case "correction":
      return `${who} corrected a published verdict you worked on in ${where}`;
  }
}
