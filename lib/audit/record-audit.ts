import type { Prisma } from "@/lib/generated/prisma/client";

export const CHANGES_CHANNEL = "factdesk_changes";

export type AuditInput = {
  actorId: string;
  teamId: string;
  articleId?: string | null;
  claimId?: string | null;
  entity:
    "article" | "claim" | "comment" | "evidence" | "membership" | "assignment" | "api_token" | "team" | "account" | "invitation" | "tag";
  entityId: string;
  action: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/**
 * Appends one audit row inside the caller's transaction and announces it with NOTIFY on CHANGES_CHANNEL
 * (payload `{ id, articleId, teamId }`), which PostgreSQL delivers to every listening app instance only if the
 * transaction commits. `before`/`after` are stored as Json as given. Returns the new row's id (bigint).
 * Throws whatever the database throws (the caller's transaction then rolls back).
 */
export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput): Promise<bigint> {
  const row = await tx.auditEvent.create({ data: input, select: { id: true } });
  const payload = JSON.stringify({ id: row.id.toString(), articleId: input.articleId ?? null, teamId: input.teamId });
  await tx.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})`;
  return row.id;
}

type Change = { action: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue };

/**
 * The audit row (recordAudit) for a change to the article as a whole (import, new version, report, settings):
 * entity "article", in the article's team. Returns the row id.
 */
export function recordArticleAudit(
  tx: Prisma.TransactionClient,
  actorId: string,
  article: { id: string; teamId: string },
  change: Change,
): Promise<bigint> {
  return recordAudit(tx, { actorId, teamId: article.teamId, articleId: article.id, entity: "article", entityId: article.id, ...change });
}

/**
 * The audit row (recordAudit) for a change to the claim itself (status, verdict, reviews, settings): entity
 * "claim", with the claim's article and team. Returns the row id.
 */
export function recordClaimAudit(
  tx: Prisma.TransactionClient,
  actorId: string,
  claim: { id: string; teamId: string; articleId: string },
  change: Change,
): Promise<bigint> {
  return recordAudit(tx, {
    actorId,
    teamId: claim.teamId,
    articleId: claim.articleId,
    claimId: claim.id,
    entity: "claim",
    entityId: claim.id,
    ...change,
  });
}
