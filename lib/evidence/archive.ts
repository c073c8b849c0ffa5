// The evidence archive: when evidence with a URL is added (or its URL edited), a job in the durable queue
// fetches the page through the SSRF-safe fetcher and keeps what it said then, so a later change or removal
// of the source does not take the evidence with it.
import { z } from "zod";
import { ZId } from "@/lib/validation/fields";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { fetchPage, type FetchedPage } from "@/lib/fetch/fetch-page";
import { defineJob, type JobContext } from "@/lib/jobs/define";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { AppError } from "@/lib/http/errors";
import { excerptFoundIn } from "./excerpt-match";
import { readableText } from "./readable-text";

/** Attempts at archiving before giving up (graphile-worker's backoff: about 2 hours in all). */
export const ARCHIVE_ATTEMPTS = 8;

/** The message a person sees for a fetch that failed: fetchPage's own, or the HTTP status. */
export function fetchFailure(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return "The source could not be fetched.";
}

/** What was fetched, as a snapshot row's fields (purpose, error and text decided by the caller). */
export function snapshotFields(page: FetchedPage) {
  return {
    url: page.url,
    finalUrl: page.finalUrl,
    status: page.status,
    contentType: page.contentType,
    sha256: page.sha256,
    fetchedAt: page.fetchedAt,
  };
}

/**
 * Archives evidence `evidenceId`'s URL: fetches it (fetchPage: public addresses only unless
 * FETCH_ALLOW_ADDRESSES allows more; 5 MiB, 15 s), and on an answer below 400 stores an "archive"
 * EvidenceSnapshot (readable text, SHA-256 of the bytes, status, final URL, time), sets `excerptFound`,
 * clears `archiveError` and any drift flag and counts the fetch as the source's last check. Evidence that no
 * longer exists, was removed, belongs to an archived team, has no URL, or whose URL changed since (a newer job
 * archives that) is left alone.
 * Output: "archived" or "skipped".
 * @throws Error with a readable message when the page could not be fetched or answered 400 or above, after
 * recording the message in `archiveError` (and, on the last attempt, a failed snapshot), so the queue retries
 * it with backoff.
 */
export async function archiveEvidence(
  evidenceId: string,
  context: Pick<JobContext, "attempt" | "maxAttempts"> = { attempt: 1, maxAttempts: 1 },
): Promise<"archived" | "skipped"> {
  // Removed evidence and archived teams are left alone: nobody reads the result, and nothing should leave the
  // server on their behalf.
  const evidence = await db.evidence.findFirst({
    where: { id: evidenceId, deletedAt: null, claim: { article: { team: { archivedAt: null } } } },
    select: { url: true, excerpt: true },
  });
  if (!evidence || evidence.url === "") return "skipped";
  let page: FetchedPage | null = null;
  let failure: string | null = null;
  try {
    page = await fetchPage(evidence.url);
    if (page.status >= 400) failure = `The source answered with an error (HTTP ${page.status}).`;
  } catch (error) {
    failure = fetchFailure(error);
  }
  const stillSameUrl = { id: evidenceId, url: evidence.url };
  if (failure !== null || !page) {
    const message = failure ?? "The source could not be fetched.";
    await inTransaction(db, async (tx) => {
      const { count } = await tx.evidence.updateMany({ where: stillSameUrl, data: { archiveError: message } });
      if (count > 0 && context.attempt >= context.maxAttempts) {
        await tx.evidenceSnapshot.create({
          data: {
            evidenceId,
            purpose: "archive",
            error: message,
            ...(page ? snapshotFields(page) : { url: evidence.url, fetchedAt: new Date() }),
          },
        });
      }
    });
    throw new Error(message);
  }
  const text = readableText(page);
  const archived = page;
  return inTransaction(db, async (tx) => {
    const { count } = await tx.evidence.updateMany({
      where: stillSameUrl,
      data: {
        archiveError: null,
        archivedAt: archived.fetchedAt,
        excerptFound: excerptFoundIn(evidence.excerpt, text),
        sourceCheckedAt: archived.fetchedAt,
        sourceFlag: null,
      },
    });
    if (count === 0) return "skipped";
    await tx.evidenceSnapshot.create({ data: { evidenceId, purpose: "archive", text, ...snapshotFields(archived) } });
    return "archived";
  });
}

/** Background job: archiveEvidence, retried with backoff up to ARCHIVE_ATTEMPTS times. */
export const archiveEvidenceJob = defineJob({
  name: "evidence.archive",
  payload: z.object({ evidenceId: ZId }),
  maxAttempts: ARCHIVE_ATTEMPTS,
  async run({ evidenceId }, context) {
    await archiveEvidence(evidenceId, context);
  },
});

/**
 * In the transaction that adds evidence or changes its URL: queues its archiving (one waiting job per
 * evidence, so editing the URL twice fetches once). Nothing for evidence without a URL. Returns whether a
 * job was queued.
 */
export async function queueEvidenceArchive(tx: DbClient, evidence: { id: string; url: string }): Promise<boolean> {
  if (evidence.url === "") return false;
  await enqueueJob(tx, archiveEvidenceJob, { evidenceId: evidence.id }, { jobKey: `evidence-archive:${evidence.id}` });
  return true;
}
