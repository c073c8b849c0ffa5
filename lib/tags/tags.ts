// A team's tag vocabulary and the tags on its articles and claims. Every read and write is scoped to the
// user's membership of the tag's team in the query itself, so another team's tag can neither be seen nor
// attached (a tag id from another team is "not found"), and not-found and not-allowed look the same.
import { recordArticleAudit, recordAudit, recordClaimAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireArticleWrite, requireClaimWrite } from "@/lib/access/require";
import { teamMemberScope } from "@/lib/access/scope";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { AppError, notFound } from "@/lib/http/errors";
import { byTagName, tagColour, tagKey, TAGS_PER_ITEM_MAX, type TagDTO } from "@/lib/tags/tag-rules";
import type { TDeleteTag, TMergeTag, TTagArticle, TTagClaim, TUntagArticle, TUntagClaim, TUpdateTag } from "@/lib/validation/tags";

export { byTagName };
export type { TagDTO };

/** A tag of the vocabulary with how many articles and claims carry it. */
export type TeamTagDTO = TagDTO & { articles: number; claims: number };

/** Prisma select of a tag for TagDTO. */
export const tagSelect = { id: true, name: true, color: true } as const;

/** A Tag row as TagDTO (an unknown colour shows plain). */
export function toTagDTO(row: { id: string; name: string; color: string | null }): TagDTO {
  return { id: row.id, name: row.name, color: tagColour(row.color) };
}

/**
 * Team `teamId`'s tag vocabulary for a member, by name, with counts of tagged articles and claims; `q` keeps names
 * containing it (ignoring case). Empty for someone not in the team (nothing is thrown).
 */
export async function listTeamTags({ teamId, userId, q }: { teamId: string; userId: string; q?: string }): Promise<TeamTagDTO[]> {
  const rows = await db.tag.findMany({
    where: { teamId, team: teamMemberScope(userId), ...(q ? { nameKey: { contains: tagKey(q) } } : {}) },
    select: { ...tagSelect, _count: { select: { articles: true, claims: true } } },
    orderBy: { nameKey: "asc" },
    take: 500,
  });
  return rows.map((row) => ({ ...toTagDTO(row), articles: row._count.articles, claims: row._count.claims }));
}

/** The tag of team `teamId` that the input names: `tagId` (404 when not in that team) or `name` (created when new). */
async function resolveTag(tx: Prisma.TransactionClient, teamId: string, input: { tagId?: string; name?: string }): Promise<TagDTO> {
  if (input.tagId) {
    const found = await tx.tag.findFirst({ where: { id: input.tagId, teamId }, select: tagSelect });
    if (!found) throw notFound("That tag");
    return toTagDTO(found);
  }
  const name = input.name ?? "";
  // Upsert on the unique (teamId, nameKey): two people creating "Budget" at once get one tag.
  const row = await tx.tag.upsert({
    where: { teamId_nameKey: { teamId, nameKey: tagKey(name) } },
    create: { teamId, name, nameKey: tagKey(name) },
    update: {},
    select: tagSelect,
  });
  return toTagDTO(row);
}

const tooMany = () =>
  new AppError("unprocessable", `Use at most ${TAGS_PER_ITEM_MAX} tags on one item.`, { name: [`At most ${TAGS_PER_ITEM_MAX} tags.`] });

/**
 * Tags an article (reviewers, editors, admins of its team) with an existing tag of the team (`tagId`) or by `name`
 * (an existing tag when one matches ignoring case, else a new one). Tagging twice changes nothing. Audited as
 * "article.tagged" when the tag was added. Returns the article's tags by name.
 * @throws AppError 404 when the article or the tag is not in the user's teams; 403 for a viewer; 422 beyond
 * TAGS_PER_ITEM_MAX tags.
 */
export async function tagArticle(
  { userId, articleId, ...input }: TTagArticle & { userId: string },
  client: DbClient = db,
): Promise<TagDTO[]> {
  return inTransaction(client, async (tx) => {
    const article = await requireArticleWrite(articleId, userId, tx);
    const tag = await resolveTag(tx, article.teamId, input);
    const added = await tx.articleTag.createMany({ data: [{ articleId, tagId: tag.id }], skipDuplicates: true });
    if (added.count > 0) {
      if ((await tx.articleTag.count({ where: { articleId } })) > TAGS_PER_ITEM_MAX) throw tooMany();
      await recordArticleAudit(tx, userId, article, { action: "article.tagged", after: { tag: tag.name, tagId: tag.id } });
    }
    return articleTags(tx, articleId);
  });
}

/**
 * Takes a tag off an article (reviewers, editors, admins). Audited as "article.untagged" when it was there.
 * Returns the article's tags. @throws AppError 404 when the article is not in the user's teams; 403 for a viewer.
 */
export async function untagArticle(
  { userId, articleId, tagId }: TUntagArticle & { userId: string },
  client: DbClient = db,
): Promise<TagDTO[]> {
  return inTransaction(client, async (tx) => {
    const article = await requireArticleWrite(articleId, userId, tx);
    const link = await tx.articleTag.findUnique({
      where: { articleId_tagId: { articleId, tagId } },
      select: { tag: { select: tagSelect } },
    });
    if (link) {
      await tx.articleTag.delete({ where: { articleId_tagId: { articleId, tagId } } });
      await recordArticleAudit(tx, userId, article, { action: "article.untagged", before: { tag: link.tag.name, tagId } });
    }
    return articleTags(tx, articleId);
  });
}

/**
 * Tags a claim, as tagArticle does an article; audited as "claim.tagged". Returns the claim's tags by name.
 * @throws AppError 404 when the claim or the tag is not in the user's teams; 403 for a viewer; 422 beyond
 * TAGS_PER_ITEM_MAX tags.
 */
export async function tagClaim({ userId, claimId, ...input }: TTagClaim & { userId: string }, client: DbClient = db): Promise<TagDTO[]> {
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
    const tag = await resolveTag(tx, claim.teamId, input);
    const added = await tx.claimTag.createMany({ data: [{ claimId, tagId: tag.id }], skipDuplicates: true });
    if (added.count > 0) {
      if ((await tx.claimTag.count({ where: { claimId } })) > TAGS_PER_ITEM_MAX) throw tooMany();
      await recordClaimAudit(tx, userId, claim, { action: "claim.tagged", after: { tag: tag.name, tagId: tag.id } });
    }
    return claimTags(tx, claimId);
  });
}

/**
 * Takes a tag off a claim; audited as "claim.untagged" when it was there. Returns the claim's tags.
 * @throws AppError 404 when the claim is not in the user's teams; 403 for a viewer.
 */
export async function untagClaim({ userId, claimId, tagId }: TUntagClaim & { userId: string }, client: DbClient = db): Promise<TagDTO[]> {
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
    const link = await tx.claimTag.findUnique({ where: { claimId_tagId: { claimId, tagId } }, select: { tag: { select: tagSelect } } });
    if (link) {
      await tx.claimTag.delete({ where: { claimId_tagId: { claimId, tagId } } });
      await recordClaimAudit(tx, userId, claim, { action: "claim.untagged", before: { tag: link.tag.name, tagId } });
    }
    return claimTags(tx, claimId);
  });
}

async function articleTags(client: DbClient, articleId: string): Promise<TagDTO[]> {
  const rows = await client.articleTag.findMany({ where: { articleId }, select: { tag: { select: tagSelect } } });
  return rows.map((r) => toTagDTO(r.tag)).sort(byTagName);
}

async function claimTags(client: DbClient, claimId: string): Promise<TagDTO[]> {
  const rows = await client.claimTag.findMany({ where: { claimId }, select: { tag: { select: tagSelect } } });
  return rows.map((r) => toTagDTO(r.tag)).sort(byTagName);
}

/** The tag, when the user is an editor or admin of its team; 404 otherwise (403 is not told apart, like elsewhere). */
async function requireTagEditor(tx: Prisma.TransactionClient, tagId: string, userId: string) {
  const tag = await tx.tag.findFirst({
    where: { id: tagId, team: teamMemberScope(userId, SIGN_OFF_ROLES) },
    select: { ...tagSelect, teamId: true },
  });
  if (!tag) throw notFound("That tag");
  return tag;
}

const taken = (name: string) =>
  new AppError("conflict", `The team already has a tag "${name}". Merge into it instead.`, { name: ["Already a tag of this team."] });

/**
 * Renames and/or recolours a tag (editors and admins of its team). A name that another tag of the team already has
 * (ignoring case) is refused; changing only the case of the name is allowed. Audited as "tag.renamed" (entity tag).
 * Returns the tag. @throws AppError 404 when the tag is not in a team where the user is an editor or admin; 409 when
 * the new name is taken.
 */
export async function updateTag({ userId, tagId, name, color }: TUpdateTag & { userId: string }, client: DbClient = db): Promise<TagDTO> {
  return inTransaction(client, async (tx) => {
    const tag = await requireTagEditor(tx, tagId, userId);
    if (name !== undefined) {
      const clash = await tx.tag.findFirst({
        where: { teamId: tag.teamId, nameKey: tagKey(name), NOT: { id: tagId } },
        select: { name: true },
      });
      if (clash) throw taken(clash.name);
    }
    const row = await tx.tag.update({
      where: { id: tagId },
      data: { ...(name !== undefined ? { name, nameKey: tagKey(name) } : {}), ...(color !== undefined ? { color } : {}) },
      select: tagSelect,
    });
    await recordAudit(tx, {
      actorId: userId,
      teamId: tag.teamId,
      entity: "tag",
      entityId: tagId,
      action: "tag.renamed",
      before: { name: tag.name, color: tag.color },
      after: { name: row.name, color: row.color },
    });
    return toTagDTO(row);
  });
}

/**
 * Merges tag `tagId` into tag `into` of the same team (editors and admins): every article and claim carrying `tagId`
 * carries `into` afterwards (once), and `tagId` is deleted. Audited as "tag.merged". Returns the remaining tag.
 * @throws AppError 404 when either tag is not in a team where the user is an editor or admin, or they are in
 * different teams; 422 when both are the same tag.
 */
export async function mergeTags({ userId, tagId, into }: TMergeTag & { userId: string }, client: DbClient = db): Promise<TagDTO> {
  if (tagId === into) throw new AppError("unprocessable", "Choose another tag to merge into.", { into: ["Another tag."] });
  return inTransaction(client, async (tx) => {
    const source = await requireTagEditor(tx, tagId, userId);
    const target = await requireTagEditor(tx, into, userId);
    if (source.teamId !== target.teamId) throw notFound("That tag");
    await tx.$executeRaw`INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT "articleId", ${into} FROM "ArticleTag" WHERE "tagId" = ${tagId} ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`INSERT INTO "ClaimTag" ("claimId", "tagId") SELECT "claimId", ${into} FROM "ClaimTag" WHERE "tagId" = ${tagId} ON CONFLICT DO NOTHING`;
    await tx.tag.delete({ where: { id: tagId } });
    await recordAudit(tx, {
      actorId: userId,
      teamId: source.teamId,
      entity: "tag",
      entityId: into,
      action: "tag.merged",
      before: { name: source.name, tagId },
      after: { name: target.name, tagId: into },
    });
    return toTagDTO(target);
  });
}

/**
 * Deletes a tag (editors and admins of its team); it comes off every article and claim. Audited as "tag.deleted".
 * @throws AppError 404 when the tag is not in a team where the user is an editor or admin.
 */
export async function deleteTag({ userId, tagId }: TDeleteTag & { userId: string }, client: DbClient = db): Promise<void> {
  await inTransaction(client, async (tx) => {
    const tag = await requireTagEditor(tx, tagId, userId);
    await tx.tag.delete({ where: { id: tagId } });
    await recordAudit(tx, {
      actorId: userId,
      teamId: tag.teamId,
      entity: "tag",
      entityId: tagId,
      action: "tag.deleted",
      before: { name: tag.name },
    });
  });
}
