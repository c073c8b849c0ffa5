import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { listClaimSummaries } from "@/lib/claims/list-claims";
import { getClaim } from "@/lib/claims/get-claim";
import { readClaimFilter } from "@/lib/claims/claim-filter";
import { ZClaimListQuery } from "@/lib/validation/claim-list";
import { listArticlePage } from "@/lib/articles/article-page";
import { ZArticleList } from "@/lib/validation/article-list";
import { exportClaimsCsv } from "@/lib/export/claims-csv";
import { parseCsv } from "@/lib/export/test-helpers";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations } from "@/lib/annotations/import-annotations";
import { searchTeam } from "@/lib/search/search";
import { AppError } from "@/lib/http/errors";
import { deleteTag, listTeamTags, mergeTags, tagArticle, tagClaim, untagClaim, updateTag } from "@/lib/tags/tags";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let intruder: Awaited<ReturnType<typeof createUser>>;
let otherArticle: { id: string };
const BODY =
  "The council will spend 40 million pounds on buses. Unemployment fell to 4 per cent last year. Crime doubled in the city centre.";
const claims: Record<string, string> = {};

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}

const names = (tags: { name: string }[]) => tags.map((t) => t.name);

beforeAll(async () => {
  desk = await createDesk();
  await testDb().article.update({ where: { id: desk.article.id }, data: { body: BODY } });
  for (const [key, quote] of [
    ["buses", "The council will spend 40 million pounds on buses"],
    ["jobs", "Unemployment fell to 4 per cent last year"],
    ["crime", "Crime doubled in the city centre"],
  ] as const) {
    claims[key] = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(BODY, quote) })).id;
  }
  const team = await createTeam();
  intruder = await createUser(team.id, "editor", "intruder");
  otherArticle = await createArticle(team.id, { title: "Elsewhere" });
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("a team's tags", () => {
  it("are created inline by name, one per name whatever its case, and audited", async () => {
    const first = await tagClaim({ userId: desk.reviewer.id, claimId: claims.buses!, name: "Transport" });
    expect(names(first)).toEqual(["Transport"]);
    // Same tag, other case and spacing: no second tag, and tagging twice changes nothing.
    await tagClaim({ userId: desk.editor.id, claimId: claims.jobs!, name: "  transport " });
    await tagClaim({ userId: desk.editor.id, claimId: claims.jobs!, name: "TRANSPORT" });
    const vocabulary = await listTeamTags({ teamId: desk.team.id, userId: desk.viewer.id });
    expect(vocabulary.map((t) => [t.name, t.claims])).toEqual([["Transport", 2]]);
    const audit = await testDb().auditEvent.findMany({ where: { claimId: claims.jobs!, action: "claim.tagged" } });
    expect(audit).toHaveLength(1);
    expect((await getClaim({ claimId: claims.jobs!, userId: desk.viewer.id })).tags.map((t) => t.name)).toEqual(["Transport"]);
  });

  it("cannot be added by a viewer", async () => {
    expect((await errorOf(tagClaim({ userId: desk.viewer.id, claimId: claims.buses!, name: "Nope" }))).code).toBe("forbidden");
    expect((await errorOf(tagArticle({ userId: desk.viewer.id, articleId: desk.article.id, name: "Nope" }))).code).toBe("forbidden");
    expect(await testDb().tag.count({ where: { teamId: desk.team.id, nameKey: "nope" } })).toBe(0);
  });

  it("are invisible to another team and cannot be attached there, nor managed by it", async () => {
    const [transport] = await listTeamTags({ teamId: desk.team.id, userId: desk.editor.id });
    // The intruder naming the victim's team sees nothing.
    expect(await listTeamTags({ teamId: desk.team.id, userId: intruder.id })).toEqual([]);
    // Attaching the victim's tag by id to the intruder's own article: not found.
    expect((await errorOf(tagArticle({ userId: intruder.id, articleId: otherArticle.id, tagId: transport!.id }))).code).toBe("not_found");
    // By name, the intruder gets a tag of their own team, never the victim's.
    const own = await tagArticle({ userId: intruder.id, articleId: otherArticle.id, name: "Transport" });
    expect(own[0]!.id).not.toBe(transport!.id);
    // Tagging the victim's claim, renaming, merging or deleting the victim's tag: not found.
    expect((await errorOf(tagClaim({ userId: intruder.id, claimId: claims.buses!, name: "x" }))).code).toBe("not_found");
    expect((await errorOf(updateTag({ userId: intruder.id, tagId: transport!.id, name: "Hijacked" }))).code).toBe("not_found");
    expect((await errorOf(mergeTags({ userId: intruder.id, tagId: own[0]!.id, into: transport!.id }))).code).toBe("not_found");
    expect((await errorOf(deleteTag({ userId: intruder.id, tagId: transport!.id }))).code).toBe("not_found");
    expect((await errorOf(updateTag({ userId: desk.reviewer.id, tagId: transport!.id, name: "Reviewer" }))).code).toBe("not_found");
    expect((await listTeamTags({ teamId: desk.team.id, userId: desk.editor.id })).map((t) => t.name)).toEqual(["Transport"]);
  });

  it("are renamed by editors, never onto another tag's name, and merged", async () => {
    await tagClaim({ userId: desk.reviewer.id, claimId: claims.crime!, name: "Policing" });
    await tagClaim({ userId: desk.reviewer.id, claimId: claims.buses!, name: "Buses" });
    const [buses, policing, transport] = await listTeamTags({ teamId: desk.team.id, userId: desk.editor.id });
    expect([buses!.name, policing!.name, transport!.name]).toEqual(["Buses", "Policing", "Transport"]);
    const clash = await errorOf(updateTag({ userId: desk.editor.id, tagId: policing!.id, name: "transport" }));
    expect(clash.code).toBe("conflict");
    // Only the case changes: allowed.
    expect((await updateTag({ userId: desk.editor.id, tagId: policing!.id, name: "POLICING", color: "rose" })).color).toBe("rose");
    expect((await updateTag({ userId: desk.admin.id, tagId: policing!.id, name: "Crime and policing" })).name).toBe("Crime and policing");
    // Buses merges into Transport: the buses claim had both, so it keeps one.
    await mergeTags({ userId: desk.editor.id, tagId: buses!.id, into: transport!.id });
    const summaries = await listClaimSummaries({ articleId: desk.article.id, userId: desk.editor.id });
    expect(Object.fromEntries(summaries.map((c) => [c.id, names(c.tags)]))).toEqual({
      [claims.buses!]: ["Transport"],
      [claims.jobs!]: ["Transport"],
      [claims.crime!]: ["Crime and policing"],
    });
    expect(await testDb().tag.count({ where: { id: buses!.id } })).toBe(0);
    const actions = (await testDb().auditEvent.findMany({ where: { teamId: desk.team.id, entity: "tag" } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["tag.merged", "tag.renamed", "tag.renamed"]);
  });
});

describe("filters with tags", () => {
  it("combine on the claim list (tag + status + assignee), the same rules in the API and the page", async () => {
    await testDb().claim.update({ where: { id: claims.jobs! }, data: { status: "in_review" } });
    await testDb().assignment.create({
      data: { claimId: claims.jobs!, reviewerId: desk.reviewer.id, assignedById: desk.editor.id, dueAt: new Date(Date.UTC(2020, 0, 1)) },
    });
    await testDb().assignment.create({ data: { claimId: claims.buses!, reviewerId: desk.reviewer2.id, assignedById: desk.editor.id } });
    const listed = async (query: Record<string, string>, userId = desk.reviewer.id) => {
      const { filter } = ZClaimListQuery.parse(query);
      // The page reads the same query leniently to the same filter.
      expect(readClaimFilter(new URLSearchParams(query))).toEqual(filter);
      return (await listClaimSummaries({ articleId: desk.article.id, userId, filter })).map((c) => c.id);
    };
    expect(await listed({ tag: "transport" })).toEqual([claims.buses, claims.jobs]);
    expect(await listed({ tag: "TRANSPORT", status: "in_review" })).toEqual([claims.jobs]);
    expect(await listed({ tag: "transport", assignee: "me" })).toEqual([claims.jobs]);
    expect(await listed({ tag: "transport", assignee: desk.reviewer2.id })).toEqual([claims.buses]);
    expect(await listed({ tag: "transport", status: "unreviewed", assignee: "me" })).toEqual([]);
    expect(await listed({ tag: "transport", overdue: "1" })).toEqual([claims.jobs]);
    expect(await listed({ tag: "crime and policing", verdict: "none" })).toEqual([claims.crime]);
    expect(await listed({ tag: "no such tag" })).toEqual([]);
    // An intruder gets nothing, filtered or not.
    expect((await errorOf(listClaimSummaries({ articleId: desk.article.id, userId: intruder.id }))).code).toBe("not_found");
  });

  it("combine on the articles list (tag of the article or of one of its claims + the other filters)", async () => {
    const second = await createArticle(desk.team.id, { title: "Tagged article" });
    await tagArticle({ userId: desk.reviewer.id, articleId: second.id, name: "transport" });
    const list = async (query: Record<string, string>, userId = desk.editor.id) =>
      (await listArticlePage({ userId, teamId: desk.team.id, view: ZArticleList.parse(query) })).articles.map((a) => a.title);
    expect((await list({ tag: "Transport" })).sort()).toEqual([desk.article.title, "Tagged article"].sort());
    expect(await list({ tag: "transport", status: "in_review" })).toEqual([desk.article.title]);
    expect(await list({ tag: "transport", overdue: "1", assignee: desk.reviewer.id })).toEqual([desk.article.title]);
    expect(await list({ tag: "crime and policing", report: "published" })).toEqual([]);
    const page = await listArticlePage({ userId: desk.editor.id, teamId: desk.team.id, view: ZArticleList.parse({ tag: "transport" }) });
    expect(page.articles.find((a) => a.title === "Tagged article")!.tags.map((t) => t.name)).toEqual(["Transport"]);
    // The intruder's own "Transport" tag does not reach into this team, nor this team's into theirs.
    expect(await list({ tag: "transport" }, intruder.id)).toEqual([]);
  });

  it("work in search as tag:name", async () => {
    const found = await searchTeam({ userId: desk.editor.id, teamId: desk.team.id, q: "tag:transport", page: 1 });
    expect(found.hits.map((h) => `${h.kind}:${h.id}`).sort()).toEqual(
      [
        `claim:${claims.buses}`,
        `claim:${claims.jobs}`,
        `article:${(await testDb().article.findFirstOrThrow({ where: { title: "Tagged article", teamId: desk.team.id } })).id}`,
      ].sort(),
    );
    const withWords = await searchTeam({ userId: desk.editor.id, teamId: desk.team.id, q: "unemployment TAG:Transport", page: 1 });
    expect(withWords.hits.map((h) => h.id)).toEqual([claims.jobs]);
    const quoted = await searchTeam({ userId: desk.editor.id, teamId: desk.team.id, q: 'tag:"Crime and Policing"', page: 1 });
    expect(quoted.hits.map((h) => h.id)).toEqual([claims.crime]);
    expect((await searchTeam({ userId: intruder.id, teamId: desk.team.id, q: "tag:transport", page: 1 })).hits).toEqual([]);
  });
});

describe("tags in exports", () => {
  it("appear in the CSV in the tags column, after the columns older readers know", async () => {
    const { csv } = await exportClaimsCsv({ articleId: desk.article.id, userId: desk.viewer.id });
    const [header, ...rows] = parseCsv(csv);
    expect(header!.indexOf("tags")).toBe(header!.indexOf("updated_at") + 1);
    const row = rows.find((r) => r[0] === claims.crime!)!;
    expect(row[header!.indexOf("tags")]).toBe("Crime and policing");
  });

  it("go out as W3C tagging bodies and come back on import, into the importing team's vocabulary", async () => {
    await tagClaim({ userId: desk.reviewer.id, claimId: claims.crime!, name: "Crime, city" });
    const source = await exportAnnotations({ articleId: desk.article.id, userId: desk.viewer.id, baseUrl: "https://factdesk.example.org" });
    const crime = source.first.items.find((a) => a.id.endsWith(claims.crime!))!;
    expect(crime.body.filter((b) => b.purpose === "tagging")).toEqual([
      { type: "TextualBody", purpose: "tagging", value: "unreviewed" },
      { type: "TextualBody", purpose: "tagging", value: "Crime and policing" },
      { type: "TextualBody", purpose: "tagging", value: "Crime, city" },
    ]);
    // Into another team's article: the tags join that team's vocabulary (its existing "Transport" is reused).
    const target = await createArticle(intruder.teamId, { title: "Copy", body: BODY });
    await importAnnotations({ userId: intruder.id, articleId: target.id, document: source });
    const imported = await listClaimSummaries({ articleId: target.id, userId: intruder.id });
    expect(imported.map((c) => names(c.tags))).toEqual([["Transport"], ["Transport"], ["Crime and policing", "Crime, city"]]);
    expect(imported.map((c) => c.status)).toEqual(["unreviewed", "in_review", "unreviewed"]);
    const theirs = await listTeamTags({ teamId: intruder.teamId, userId: intruder.id });
    expect(theirs.map((t) => t.name)).toEqual(["Crime and policing", "Crime, city", "Transport"]);
    expect(theirs.every((t) => t.id !== claims.crime)).toBe(true);
    // And out again: the same tagging bodies.
    const again = await exportAnnotations({ articleId: target.id, userId: intruder.id, baseUrl: "https://factdesk.example.org" });
    expect(again.first.items.map((a) => a.body.filter((b) => b.purpose === "tagging").map((b) => b.value))).toEqual(
      source.first.items.map((a) => a.body.filter((b) => b.purpose === "tagging").map((b) => b.value)),
    );
  });

  it("come off everything when a tag is deleted", async () => {
    const tag = (await listTeamTags({ teamId: desk.team.id, userId: desk.editor.id })).find((t) => t.name === "Crime, city")!;
    await untagClaim({ userId: desk.reviewer.id, claimId: claims.buses!, tagId: tag.id }); // not there: no change, no error
    await deleteTag({ userId: desk.editor.id, tagId: tag.id });
    const crime = (await listClaimSummaries({ articleId: desk.article.id, userId: desk.editor.id })).find((c) => c.id === claims.crime)!;
    expect(names(crime.tags)).toEqual(["Crime and policing"]);
    expect(await untagClaim({ userId: desk.reviewer.id, claimId: claims.crime!, tagId: crime.tags[0]!.id })).toEqual([]);
    const untagged = await testDb().auditEvent.findMany({ where: { claimId: claims.crime!, action: "claim.untagged" } });
    expect(untagged.map((e) => e.before)).toEqual([{ tag: "Crime and policing", tagId: crime.tags[0]!.id }]);
    expect((await errorOf(untagClaim({ userId: desk.viewer.id, claimId: claims.crime!, tagId: crime.tags[0]!.id }))).code).toBe(
      "forbidden",
    );
  });
});
