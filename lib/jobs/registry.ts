import type { JobDefinition } from "./define";
import { sendMailJob } from "@/lib/mail/send-mail";
import { dueSoonNoticesJob } from "@/lib/mail/notices";
import { notificationDigestJob } from "@/lib/notifications/digest";
import { archiveEvidenceJob } from "@/lib/evidence/archive";
import { checkSourceJob, sourceChecksJob } from "@/lib/evidence/check-source";
import { checkedBeforeJob } from "@/lib/claims/checked-before-stored";

/**
 * Every job kind the app runs. A job defined elsewhere runs only once it is listed here.
 * (Method parameters are bivariant, so jobs of any payload type fit `JobDefinition<unknown>`.)
 */
export const registeredJobs: readonly JobDefinition<unknown>[] = [
  sendMailJob,
  dueSoonNoticesJob,
  notificationDigestJob,
  archiveEvidenceJob,
  checkSourceJob,
  sourceChecksJob,
  checkedBeforeJob,
];

/**
 * Recurring jobs, in graphile-worker's crontab syntax (`<min> <hour> <dom> <month> <dow> task ?opts`,
 * UTC; https://worker.graphile.org/docs/cron). Each instance schedules them, and the queue runs
 * each tick once across all instances.
 */
export const recurringJobs: readonly string[] = [
  "0 7 * * * mail:due-soon",
  "0 6 * * * notifications:digest",
  // Sources due for a drift check (each team sets its interval; default weekly).
  "17 * * * * evidence:check-sources",
];
