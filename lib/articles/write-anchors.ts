// Writes a re-anchoring plan in a handful of statements whatever the number of claims: one
// UPDATE ... FROM unnest(arrays) for the claims, one multi-row INSERT for their audit rows,
// one NOTIFY per page the live stream reads. A thousand round trips would take seconds.
import { CHANGES_CHANNEL } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isVisibleChange, type AnchorUpdate } from "@/lib/articles/reanchor-plan";

// The article event stream reads this many audit rows per notification (lib/live/article-stream.ts).
const STREAM_PAGE = 500;
// Keeps each statement's arrays a sensible size for very large articles.
const CHUNK = 5000;

type Before = { start: number; end: number; exact: string; anchorStatus: string };
type Context = { articleId: string; teamId: string; userId: string; version: number; updates: readonly AnchorUpdate[] };

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

async function updateClaims(tx: Prisma.TransactionClient, articleId: string, userId: string, rows: readonly AnchorUpdate[]) {
  const col = <T>(pick: (u: AnchorUpdate) => T) => rows.map(pick);
  // Only changes a person would call a change bump the claim's version (its optimistic lock)
  // and name the saver as its last editor; an unchanged claim just moves to the new version.
  await tx.$executeRaw`
    UPDATE "Claim" AS c SET
      "exact" = v.exact, "prefix" = v.prefix, "suffix" = v.suffix, "start" = v.start, "end" = v.stop,
      "anchorStatus" = v.status::"AnchorStatus", "anchorVersion" = v.anchor_version,
      "anchorConfidence" = v.confidence, "anchorMethod" = v.method, "anchorCandidates" = v.candidates::jsonb,
      "version" = c."version" + v.bump,
      "updatedById" = CASE WHEN v.bump = 1 THEN ${userId} ELSE c."updatedById" END,
      "updatedAt" = CASE WHEN v.bump = 1 THEN (now() AT TIME ZONE 'UTC') ELSE c."updatedAt" END
    FROM unnest(
      ${col((u) => u.id)}::text[], ${col((u) => u.exact)}::text[], ${col((u) => u.prefix)}::text[], ${col((u) => u.suffix)}::text[],
      ${col((u) => u.start)}::int[], ${col((u) => u.end)}::int[], ${col((u) => u.anchorStatus)}::text[], ${col((u) => u.anchorVersion)}::int[],
      ${col((u) => u.anchorConfidence)}::float8[], ${col((u) => u.anchorMethod)}::text[],
      ${col((u) => (u.anchorCandidates ? JSON.stringify(u.anchorCandidates) : null))}::text[],
      ${col((u) => (isVisibleChange(u.kind) ? 1 : 0))}::int[]
    ) AS v(id, exact, prefix, suffix, start, stop, status, anchor_version, confidence, method, candidates, bump)
    WHERE c."id" = v.id AND c."articleId" = ${articleId}`;
}

function auditRow({ articleId, teamId, userId, version }: Context, u: AnchorUpdate, before: Before | undefined) {
  return {
    actorId: userId,
    teamId,
    articleId,
    claimId: u.id,
    entity: "claim",
    entityId: u.id,
    action: u.anchorStatus === "attached" ? "claim.reanchored" : "claim.needs_reanchoring",
    before: before ? { start: before.start, end: before.end, exact: before.exact, anchorStatus: before.anchorStatus } : undefined,
    after: {
      version,
      start: u.start,
      end: u.end,
      exact: u.exact,
      anchorStatus: u.anchorStatus,
      method: u.anchorStatus === "attached" ? u.anchorMethod : null,
      confidence: round(u.anchorConfidence),
      // Said in the history: the words changed under a verdict, so a person places it again.
      ...(u.heldBack ? { heldBack: u.heldBack } : {}),
    },
  } satisfies Prisma.AuditEventCreateManyInput;
}

/**
 * Writes a re-anchoring plan (`context.updates`, from planReanchor) inside the caller's transaction in a handful
 * of statements whatever the number of claims: one UPDATE … FROM unnest per 5,000 claims, audit rows
 * ("claim.reanchored" / "claim.needs_reanchoring") only for changes a person would see, and one NOTIFY per 500
 * audit rows (the page the live stream reads). Only visible changes bump a claim's version and name the saver
 * as its last editor. `previous` maps claim ids to how they were stored, for the audit rows' "before".
 * Only claims of `context.articleId` are touched; no access check (the caller holds the article lock).
 */
export async function writeAnchorUpdates(tx: Prisma.TransactionClient, context: Context, previous?: ReadonlyMap<string, Before>) {
  for (let i = 0; i < context.updates.length; i += CHUNK) {
    await updateClaims(tx, context.articleId, context.userId, context.updates.slice(i, i + CHUNK));
  }
  const visible = context.updates.filter((u) => isVisibleChange(u.kind));
  if (visible.length === 0) return;
  const ids: bigint[] = [];
  for (let i = 0; i < visible.length; i += CHUNK) {
    const created = await tx.auditEvent.createManyAndReturn({
      data: visible.slice(i, i + CHUNK).map((u) => auditRow(context, u, previous?.get(u.id))),
      select: { id: true },
    });
    ids.push(...created.map((row) => row.id));
  }
  // Identical payloads in one transaction are delivered once, so each names its own row.
  const payloads = ids
    .filter((_, i) => i % STREAM_PAGE === STREAM_PAGE - 1 || i === ids.length - 1)
    .map((id) => JSON.stringify({ id: id.toString(), articleId: context.articleId, teamId: context.teamId }));
  await tx.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`;
}
