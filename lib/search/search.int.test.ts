import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb, unique } from "@/e2e/fixtures/factories";
import { addComment, deleteComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { addEvidence } from "@/lib/claims/evidence";
import { describeRange } from "@/lib/anchoring/selectors";
import { searchTeam, type SearchHit } from "@/lib/search/search";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let other: Desk;
let word: string; // a made-up word no other test's data contains
let claimId: string;
let titleArticleId: string;

const body = (w: string) =>
  [
    `Ministers said the ${w} programme would cost four billion pounds over ten years.`,
    `Critics called the estimate of the ${w} scheme optimistic, and the auditor declined to comment.`,
    `Local councils spent two million on flood defences last year.`,
  ].join("\n\n");

const texts = (hit: SearchHit) => [...hit.title, ...hit.snippet].map((s) => s.text).join("");
const search = (q: string, userId = desk.editor.id, teamId = desk.team.id, page = 1) => searchTeam({ userId, teamId, q, page });

beforeAll(async () => {
  word = `zorblat${unique("w")
    .slice(-8)
    .replace(/[^a-z]/g, "q")}`;
  [desk, other] = await Promise.all([createDesk(), createDesk()]);
  const article = await createArticle(desk.team.id, { title: `Flood plans reviewed`, body: body(word) });
  const phrase = `the ${word} programme would cost four billion pounds`;
  const start = article.body.indexOf(phrase);
  const claim = await createClaim({
    userId: desk.reviewer.id,
    articleId: article.id,
    target: describeRange(article.body, start, start + phrase.length),
  });
  claimId = claim.id;
  await addComment({ userId: desk.reviewer.id, claimId, body: `Is the ${word} figure in cash or real terms?` });
  const gone = await addComment({ userId: desk.reviewer.id, claimId, body: `deleted remark about ${word} pelicans` });
  await deleteComment({ userId: desk.reviewer.id, commentId: gone.id });
  await addEvidence({
    userId: desk.reviewer.id,
    claimId,
    url: "https://example.org/budget",
    title: `Treasury costing of the ${word} programme`,
    excerpt: "Four billion over ten years, in cash terms.",
    stance: "supports",
    sourceType: "primary",
    retrievedAt: new Date(),
  });
  titleArticleId = (await createArticle(desk.team.id, { title: `The ${word}ite question`, body: "Nothing else here." })).id;
  // Another team writes about the same word: an intruder's content must never show up.
  await createArticle(other.team.id, { title: `Secret ${word} memo`, body: body(word) });
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("search", () => {
  it("finds the article, the claim, the comment and the evidence, with highlights and links to the claim", async () => {
    const { hits } = await search(word);
    const kinds = hits.map((h) => h.kind).sort();
    expect(kinds).toEqual(["article", "claim", "comment", "evidence"]);
    for (const hit of hits.filter((h) => h.kind !== "article")) {
      expect(hit.claimId).toBe(claimId);
      expect(hit.href).toBe(`/articles/${hit.articleId}?claim=${claimId}`);
    }
    const comment = hits.find((h) => h.kind === "comment")!;
    expect(comment.snippet.filter((s) => s.match).map((s) => s.text)).toEqual([word]);
    expect(comment.detail).toBe(desk.reviewer.name);
  });

  it("matches quoted phrases only in order, and excludes words after a minus", async () => {
    const phrase = await search(`"${word} programme would cost"`);
    expect(phrase.hits.map((h) => h.kind).sort()).toEqual(["article", "claim"]);
    const reversed = await search(`"cost would ${word} programme"`);
    expect(reversed.hits).toEqual([]);
    const excluded = await search(`${word} -treasury -real`);
    // The evidence mentions the Treasury and the comment says "real terms": both are left out; stemming applies.
    expect(excluded.hits.map((h) => h.kind).sort()).toEqual(["article", "claim"]);
  });

  it("never returns another team's content, even when the intruder names that team", async () => {
    const mine = await search(`${word} memo`);
    expect(mine.hits).toEqual([]);
    const intruder = await createUser((await createTeam()).id, "admin", "intruder");
    expect((await search(word, intruder.id, desk.team.id)).hits).toEqual([]);
    expect((await search(word, intruder.id, other.team.id)).hits).toEqual([]);
    const theirs = await search(`${word} memo`, other.editor.id, other.team.id);
    expect(theirs.hits.map((h) => h.articleTitle)).toEqual([`Secret ${word} memo`]);
  });

  it("leaves deleted comments out", async () => {
    expect((await search(`${word} pelicans`)).hits).toEqual([]);
  });

  it("ranks a title match above a comment match", async () => {
    await addComment({ userId: desk.editor.id, claimId, body: `A ${word}ite objection, ${word}ite again.` });
    const { hits } = await search(`${word}ite`);
    expect(hits.map((h) => h.kind)).toEqual(["article", "comment"]);
    expect(hits[0]!.id).toBe(titleArticleId);
    expect(hits[0]!.title.some((s) => s.match)).toBe(true);
    expect(texts(hits[1]!)).toContain("objection");
  });

  it("pages results and filters by kind", async () => {
    const many = await Promise.all(
      Array.from({ length: 23 }, (_, i) => createArticle(desk.team.id, { title: `Pager ${word}paging ${i}`, body: "x" })),
    );
    const first = await search(`${word}paging`);
    const second = await search(`${word}paging`, desk.editor.id, desk.team.id, 2);
    expect(first.hits).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.hits).toHaveLength(3);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id))).toEqual(new Set(many.map((a) => a.id)));
    const onlyComments = await searchTeam({ userId: desk.editor.id, teamId: desk.team.id, q: word, kind: "comment", page: 1 });
    expect(onlyComments.hits.map((h) => h.kind)).toEqual(["comment"]);
  });

  it("matches nothing for stop words alone, or for excluded words alone", async () => {
    expect((await search("the")).hits).toEqual([]);
    expect(await search("its")).toMatchObject({ hits: [], total: 0, totalIsLowerBound: false });
    expect((await search(`-${word}`)).hits).toEqual([]);
  });

  it("counts all hits, and says when a kind had more matches than it ranks", async () => {
    const count = `${word}counted`;
    await Promise.all(Array.from({ length: 5 }, (_, i) => createArticle(desk.team.id, { title: `Count ${count} ${i}`, body: "x" })));
    expect(await search(count)).toMatchObject({ total: 5, totalIsLowerBound: false });
    const bounded = await searchTeam({ userId: desk.editor.id, teamId: desk.team.id, q: count, page: 1, candidatesPerKind: 3 });
    expect(bounded).toMatchObject({ total: 3, totalIsLowerBound: true, hasMore: false });
    expect(bounded.hits).toHaveLength(3);
    // Past the last page: no hits, and no total to tell.
    expect(await search(count, desk.editor.id, desk.team.id, 2)).toMatchObject({ hits: [], total: null });
  });

  it("matches an article in a known non-English language word for word, and others with English stemming", async () => {
    const stem = `${word}lang`;
    const german = await testDb().article.create({
      data: { teamId: desk.team.id, title: `Was die ${stem}ing sagen`, body: "Der Bericht.", language: "de" },
    });
    const english = await testDb().article.create({
      data: { teamId: desk.team.id, title: `What the ${stem}ing say`, body: "The report.", language: "en-GB" },
    });
    const unknown = await testDb().article.create({ data: { teamId: desk.team.id, title: `The ${stem}ing again`, body: "x" } });
    // English stemming: "<stem>ing" is found by "<stem>" in English and unknown-language articles, not in German.
    const stemmed = (await search(stem)).hits.map((h) => h.id);
    expect(new Set(stemmed)).toEqual(new Set([english.id, unknown.id]));
    // The German article is found by its exact words, highlighted; "was" is an English stop word but a German word.
    const exact = await search(`was ${stem}ing sagen`);
    expect(exact.hits.map((h) => h.id)).toEqual([german.id]);
    expect(exact.hits[0]!.title.filter((s) => s.match).map((s) => s.text)).toEqual(["Was", `${stem}ing`, "sagen"]);
  });
});
