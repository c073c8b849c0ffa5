import { recordAudit } from "@/lib/audit/record-audit";
import { creatorNames } from "@/lib/annotations/creators";
import { createId } from "@paralleldrive/cuid2";
import { db, inOneStatement, inTransaction, type DbClient } from "@/lib/db";
import { auditedWriteSql } from "@/lib/audit/audited-write";
import { claimMemberJoin } from "@/lib/access/scope-sql";
import { claimScope } from "@/lib/access/scope";
import { requireClaimWrite } from "@/lib/access/require";
import { WRITE_ROLES } from "@/lib/access/roles";
import { AppError, notFound } from "@/lib/http/errors";
import type { TAddComment, TEditComment } from "@/lib/validation/claims";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveMentions } from "@/lib/notifications/mentions";
import { notify } from "@/lib/notifications/notify";

export type CommentDTO = {
  id: string;
  parentId: string | null;
  author: { id: string; name: string };
  body: string;
  version: number;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** An imported comment as written elsewhere: its original writers ("Ana and Ben") and date (author is then the importer). */
  importedFrom: { name: string; created: string | null } | null;
};

const commentSelect = {
  id: true,
  parentId: true,
  body: true,
  version: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  origin: true,
  author: { select: { id: true, name: true } },
} as const;

type CommentRow = {
  id: string;
  parentId: string | null;
  body: string;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  origin: unknown;
  author: { id: string; name: string };
};

/**
 * Who wrote an imported comment, from its origin (see lib/annotations/origin.ts): every writer the file named,
 * "Ana, Ben and Cleo" (creatorNames); null once edited here.
 */
function importedFrom(row: CommentRow): CommentDTO["importedFrom"] {
  if (row.editedAt !== null || row.origin === null || typeof row.origin !== "object") return null;
  const { creator, created } = row.origin as { creator?: unknown; created?: unknown };
  const name = creatorNames(creator);
  if (name === null) return null;
  return { name, created: typeof created === "string" ? created : null };
}

/**
 * A comment row (commentSelect) as the CommentDTO `viewerId` may see: a deleted comment keeps its place in the
 * thread but its body is "" for everyone except its author (who may restore it); dates are ISO 8601 strings
 * (null when never edited or not deleted); `importedFrom` names the original author of an imported comment
 * until it is edited here. Pure.
 */
export function toCommentDTO(row: CommentRow, viewerId: string): CommentDTO {
  const hidden = row.deletedAt !== null && row.author.id !== viewerId;
  return {
    id: row.id,
    parentId: row.parentId,
    author: row.author,
    body: hidden ? "" : row.body,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    importedFrom: importedFrom(row),
  };
}

export { commentSelect };

/** The active members of `teamId` a comment there can mention, resolved from `body` (lib/notifications/mentions.ts). */
async function mentionedMembers(
  tx: Prisma.TransactionClient,
  teamId: string,
  body: string,
  hintIds: readonly string[] = [],
): Promise<string[]> {
  if (!body.includes("@")) return [];
  const members = await tx.membership.findMany({
    where: { teamId, user: { disabled: false } },
    select: { user: { select: { id: true, name: true } } },
  });
  return resolveMentions(
    body,
    members.map((m) => m.user),
    hintIds,
  );
}

/**
 * Posts a comment on a claim, or a reply when `parentId` names a comment of the same claim that is not deleted.
 * `body` is plain text, already checked by ZAddComment (1–5,000 characters, no HTML). Writes the comment and a
 * "comment.added"/"comment.replied" audit row in one transaction; returns it as a CommentDTO for the author.
 * In the same transaction: the members mentioned as "@Full Name" (resolved from `body`; `mentionIds` only tells
 * apart members who share a name) are stored on the comment and get a mention notification, and the author of
 * the parent comment a reply notification unless mentioned too; the writer is never notified.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer;
 * 422 `unprocessable` when the parent comment is missing, deleted or on another claim.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function addComment(
  { userId, claimId, body, parentId, mentionIds }: TAddComment & { userId: string },
  client: DbClient = db,
): Promise<CommentDTO> {
  if (!parentId && !body.includes("@")) {
    const row = await inOneStatement(client, (c) => insertPlainComment(c, { userId, claimId, body }));
    if (row) return toCommentDTO(row, userId);
    // Nothing written: the claim is gone or not writable for this user; the full path answers 404 or 403.
  }
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
    const parent = parentId
      ? await tx.comment.findFirst({ where: { id: parentId, claimId, deletedAt: null }, select: { id: true, authorId: true } })
      : null;
    if (parentId && !parent) throw new AppError("unprocessable", "The comment you are replying to is no longer there.");
    const mentionedIds = (await mentionedMembers(tx, claim.teamId, body, mentionIds)).filter((id) => id !== userId);
    const comment = await tx.comment.create({
      data: { claimId, parentId, authorId: userId, body, mentionedIds },
      select: commentSelect,
    });
    await recordAudit(tx, {
      actorId: userId,
      teamId: claim.teamId,
      articleId: claim.articleId,
      claimId,
      entity: "comment",
      entityId: comment.id,
      action: parentId ? "comment.replied" : "comment.added",
      after: { body, parentId: parentId ?? null },
    });
    const event = { teamId: claim.teamId, actorId: userId, articleId: claim.articleId, claimId, commentId: comment.id };
    await notify(tx, { ...event, kind: "mention", recipientIds: mentionedIds });
    if (parent && !mentionedIds.includes(parent.authorId)) await notify(tx, { ...event, kind: "reply", recipientIds: [parent.authorId] });
    return toCommentDTO(comment, userId);
  });
}

/**
 * A comment that is no reply and mentions nobody (so it notifies nobody), in ONE statement: the access check (a
 * join on the user's writing membership), the insert, the "comment.added" audit row and its NOTIFY (issue #21:
 * this took eight statements in a transaction). Null when nothing was written (claim missing or not writable).
 */
async function insertPlainComment(
  client: DbClient,
  { userId, claimId, body }: { userId: string; claimId: string; body: string },
): Promise<CommentRow | null> {
  const rows = await client.$queryRaw<(Omit<CommentRow, "author"> & { authorName: string })[]>(
    auditedWriteSql({
      ctes: Prisma.sql`
        target AS (SELECT c."id" AS "claimId", c."articleId", a."teamId" FROM "Claim" c ${claimMemberJoin(userId, WRITE_ROLES)} WHERE c."id" = ${claimId}),
        written AS (
          INSERT INTO "Comment" ("id", "claimId", "authorId", "body")
          SELECT ${createId()}, target."claimId", ${userId}, ${body} FROM target
          RETURNING "id", "parentId", "body", "version", "createdAt", "editedAt", "deletedAt", "origin"
        )`,
      change: { actorId: userId, entity: "comment", action: "comment.added", after: { body, parentId: null } },
      select: Prisma.sql`written."id", written."parentId", written."body", written."version", written."createdAt", written."editedAt",
                         written."deletedAt", written."origin", u."name" AS "authorName"`,
      from: Prisma.sql`JOIN "User" u ON u."id" = ${userId}`,
    }),
  );
  const row = rows[0];
  if (!row) return null;
  const { authorName, ...rest } = row;
  return { ...rest, author: { id: userId, name: authorName } };
}

/** Only the author changes their own comment; anyone else gets 404, as if it were not there. */
async function changeOwnComment(
  userId: string,
  commentId: string,
  action: string,
  data: { body?: string; editedAt?: Date; deletedAt?: Date | null },
  expectedVersion: number | undefined,
  client: DbClient,
  mentionHints?: readonly string[],
): Promise<CommentDTO> {
  const own = { id: commentId, authorId: userId, claim: claimScope(userId, WRITE_ROLES) };
  return inTransaction(client, async (tx) => {
    const existing = await tx.comment.findFirst({
      where: own,
      select: {
        claimId: true,
        version: true,
        body: true,
        deletedAt: true,
        mentionedIds: true,
        claim: { select: { articleId: true, article: { select: { teamId: true } } } },
      },
    });
    if (!existing) throw notFound("That comment");
    if (action === "comment.edited" && existing.deletedAt) throw new AppError("unprocessable", "Restore the comment before editing it.");
    const teamId = existing.claim.article.teamId;
    // An edit mentions whoever its new text names; only people not mentioned before are notified.
    const mentionedIds =
      data.body === undefined
        ? existing.mentionedIds
        : (await mentionedMembers(tx, teamId, data.body, mentionHints)).filter((id) => id !== userId);
    const { count } = await tx.comment.updateMany({
      where: { ...own, version: expectedVersion ?? existing.version },
      data: { ...data, mentionedIds, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict", "This comment changed in another window. Reload to see the latest text.");
    const updated = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect });
    await recordAudit(tx, {
      actorId: userId,
      teamId: existing.claim.article.teamId,
      articleId: existing.claim.articleId,
      claimId: existing.claimId,
      entity: "comment",
      entityId: commentId,
      action,
      before: { body: existing.body, deletedAt: existing.deletedAt?.toISOString() ?? null, version: existing.version },
      after: { body: updated.body, deletedAt: updated.deletedAt?.toISOString() ?? null, version: updated.version },
    });
    // Each person hears of a comment's mention once: taking a name out and putting it back tells nobody again.
    const told = await tx.notification.findMany({ where: { commentId, kind: "mention" }, select: { recipientId: true } });
    const alreadyTold = new Set([...existing.mentionedIds, ...told.map((n) => n.recipientId)]);
    const newlyMentioned = mentionedIds.filter((id) => !alreadyTold.has(id));
    await notify(tx, {
      kind: "mention",
      teamId,
      actorId: userId,
      recipientIds: newlyMentioned,
      articleId: existing.claim.articleId,
      claimId: existing.claimId,
      commentId,
    });
    return toCommentDTO(updated, userId);
  });
}

/**
 * Replaces the text of the user's own comment and sets `editedAt`, with the optimistic lock `version` when given
 * (else the version just read). Audited as "comment.edited" with the old and new text. Members the new text
 * mentions who were not mentioned before get a mention notification. Returns the CommentDTO.
 * @throws AppError 404 when the comment is not the user's own, or they can no longer write in its team (not
 * revealed as 403); 422 when the comment is deleted (restore it first); 409 `conflict` when it changed since
 * `version` (another window).
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export function editComment({ userId, commentId, body, version, mentionIds }: TEditComment & { userId: string }, client: DbClient = db) {
  return changeOwnComment(userId, commentId, "comment.edited", { body, editedAt: new Date() }, version, client, mentionIds);
}

/** Deletes (hides, restorably) the user's own comment; runs in `client` when it is a transaction. 404 when not theirs. */
export function deleteComment({ userId, commentId }: { userId: string; commentId: string }, client: DbClient = db) {
  return changeOwnComment(userId, commentId, "comment.deleted", { deletedAt: new Date() }, undefined, client);
}

/** Undoes deleteComment; runs in `client` when it is a transaction. 404 when not theirs. */
export function restoreComment({ userId, commentId }: { userId: string; commentId: string }, client: DbClient = db) {
  return changeOwnComment(userId, commentId, "comment.restored", { deletedAt: null }, undefined, client);
}
