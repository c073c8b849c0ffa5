// The drift watch: a recurring job finds evidence whose source is due for a check (the team's interval,
// default weekly) and queues one check per source; each check fetches the page again and compares its
// readable text with the archive, flagging "changed" or "gone".
import { z } from "zod";
import { ZId } from "@/lib/validation/fields";
import { db, inTransaction } from "@/lib/db";
import { type Prisma } from "@/lib/generated/prisma/client";
import { fetchPage } from "@/lib/fetch/fetch-page";
import { defineJob } from "@/lib/jobs/define";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { fetchFailure, snapshotFields } from "./archive";
import { matchForm } from "./excerpt-match";
import { readableText } from "./readable-text";

/** Sources queued for a check per run of the scheduler (hourly); the rest wait for the next run. */
export const CHECKS_PER_RUN = 500;

export type SourceCheckResult = "unchanged" | "changed" | "gone" | "skipped";

/** The evidence's archive: the newest "archive" snapshot that succeeded, or null. */
export function latestArchive(evidenceId: string) {
  return db.evidenceSnapshot.findFirst({
    where: { evidenceId, purpose: "archive", error: null },
    orderBy: { fetchedAt: "desc" },
    select: { id: true, sha256: true, text: true },
  });
}

/**
 * Fetches evidence `evidenceId`'s URL again and compares it with its archive: "gone" when the fetch fails
 * (no such host, refused connection, timeout, …) or the answer is 400 or above; "changed" when the readable
 * text differs (compared in matchForm, so whitespace and quote styles do not count; for pages without text,
 * the bytes' SHA-256); else "unchanged". Sets `sourceFlag` (null when unchanged) and `sourceCheckedAt` = now,
 * and stores a "check" snapshot when the page is changed or gone and differs from the last check kept.
 * Evidence without a URL, removed, or not archived yet is "skipped". Output: the result.
 */
export async function checkEvidenceSource(evidenceId: string): Promise<SourceCheckResult> {
  const evidence = await db.evidence.findFirst({ where: { id: evidenceId, deletedAt: null, url: { not: "" } }, select: { url: true } });
  const archive = evidence ? await latestArchive(evidenceId) : null;
  if (!evidence || !archive) return "skipped";
  let snapshot: Prisma.EvidenceSnapshotUncheckedCreateInput;
  let result: SourceCheckResult;
  try {
    const page = await fetchPage(evidence.url);
    const text = page.status < 400 ? readableText(page) : "";
    if (page.status >= 400) result = "gone";
    else if (text !== "" || archive.text !== "") result = matchForm(text) === matchForm(archive.text) ? "unchanged" : "changed";
    else result = page.sha256 === archive.sha256 ? "unchanged" : "changed";
    snapshot = {
      evidenceId,
      purpose: "check",
      text,
      error: page.status >= 400 ? `The source answered with an error (HTTP ${page.status}).` : null,
      ...snapshotFields(page),
    };
  } catch (error) {
    result = "gone";
    snapshot = { evidenceId, purpose: "check", url: evidence.url, error: fetchFailure(error), fetchedAt: new Date() };
  }
  await inTransaction(db, async (tx) => {
    const { count } = await tx.evidence.updateMany({
      where: { id: evidenceId, url: evidence.url },
      data: { sourceCheckedAt: new Date(), sourceFlag: result === "changed" || result === "gone" ? result : null },
    });
    if (count === 0 || result === "unchanged") return;
    const last = await tx.evidenceSnapshot.findFirst({
      where: { evidenceId, purpose: "check" },
      orderBy: { fetchedAt: "desc" },
      select: { text: true, status: true, error: true, sha256: true },
    });
    // A page with text is the same when its text is; one without (a PDF) when its bytes are.
    const same =
      last !== null &&
      last.text === snapshot.text &&
      last.status === (snapshot.status ?? null) &&
      last.error === (snapshot.error ?? null) &&
      (snapshot.text !== "" || last.sha256 === (snapshot.sha256 ?? null));
    if (!same) await tx.evidenceSnapshot.create({ data: snapshot });
  });
  return result;
}

/** Background job: one source check. A check that throws (database unavailable) is retried. */
export const checkSourceJob = defineJob({
  name: "evidence.check",
  payload: z.object({ evidenceId: ZId }),
  maxAttempts: 3,
  async run({ evidenceId }) {
    await checkEvidenceSource(evidenceId);
  },
});

/**
 * Queues a check (checkSourceJob, one waiting job per evidence) for each source due at `now`: evidence with a
 * URL, not removed, archived, in a team that is not archived and checks every `sourceCheckDays` days (0 =
 * never), last checked (or archived) at least that many days ago; at most CHECKS_PER_RUN, the longest
 * unchecked first. Returns how many were queued.
 */
export async function queueDueSourceChecks(now = new Date()): Promise<number> {
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "Evidence" e
    JOIN "Claim" c ON c.id = e."claimId" JOIN "Article" a ON a.id = c."articleId" JOIN "Team" t ON t.id = a."teamId"
    WHERE e."deletedAt" IS NULL AND e.url <> '' AND t."archivedAt" IS NULL AND t."sourceCheckDays" > 0
      AND e."sourceCheckedAt" IS NOT NULL
      AND e."sourceCheckedAt" <= ${now}::timestamptz - make_interval(days => t."sourceCheckDays")
    ORDER BY e."sourceCheckedAt" ASC
    LIMIT ${CHECKS_PER_RUN}`;
  for (const { id } of due) {
    await enqueueJob(db, checkSourceJob, { evidenceId: id }, { jobKey: `evidence-check:${id}` });
  }
  return due.length;
}

/** Hourly (registry): queue the source checks that are due. Cron payloads carry `_cron`; nothing else is read. */
export const sourceChecksJob = defineJob({
  // graphile-worker crontab task names allow no "." (CRONTAB_COMMAND), hence ":".
  name: "evidence:check-sources",
  payload: z.looseObject({}),
  maxAttempts: 3,
  async run() {
    await queueDueSourceChecks();
  },
});
