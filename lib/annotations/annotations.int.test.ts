import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations, parseAnnotationUpload } from "@/lib/annotations/import-annotations";
import { MAX_IMPORT_ANNOTATIONS, MAX_IMPORT_BYTES, type W3CCollection } from "@/lib/annotations/w3c";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { SECRETS, seedFactCheck, type Desk } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (err: unknown) => err);
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}

/** Drops what must differ between two copies: ids (of claims, comments, users, pages), provenance links and article URLs. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "id" || key === "via" || key === "factdesk:replyTo") continue;
    if (key === "target") {
      const { source: _source, ...rest } = v as Record<string, unknown>;
      out[key] = normalise(rest);
      continue;
    }
    out[key] = normalise(v);
  }
  return out;
}

/** Replies keep their parents: each reply's parent, by position in the thread. */
function threadShape(collection: W3CCollection) {
  return collection.first.items.map((a) => {
    const comments = a.body.filter((b) => b.purpose === "commenting") as { id: string; "factdesk:replyTo"?: string }[];
    const index = new Map(comments.map((c, i) => [c.id, i]));
    return comments.map((c) => (c["factdesk:replyTo"] ? index.get(c["factdesk:replyTo"]) : null));
  });
}

let desk: Desk;
let source: W3CCollection;
let other: { teamId: string; editor: Awaited<ReturnType<typeof createUser>>; reviewer: Awaited<ReturnType<typeof createUser>> };

beforeAll(async () => {
  desk = await createDesk();
  await seedFactCheck(desk);
  source = await exportAnnotations({ articleId: desk.article.id, userId: desk.viewer.id, baseUrl: BASE });
  const team = await createTeam();
  other = { teamId: team.id, editor: await createUser(team.id, "editor", "othereditor"), reviewer: await createUser(team.id, "reviewer", "otherreviewer") };
});
afterAll(async () => {
  await db.$disconnect();
  await testDb().$disconnect();
});

describe("export", () => {
  it("is one W3C AnnotationCollection with every claim, its verdict, comments, evidence and status", () => {
    expect(source["@context"]).toEqual(["http://www.w3.org/ns/anno.jsonld", { factdesk: "urn:factdesk:ns:" }]);
    expect(source).toMatchObject({ type: "AnnotationCollection", total: 5, first: { type: "AnnotationPage", startIndex: 0 } });
    expect(source.first.items).toHaveLength(5);
    const verified = source.first.items.find((a) => a.body.some((b) => b.purpose === "linking"))!;
    expect(verified.body).toContainEqual({ type: "TextualBody", purpose: "tagging", value: "verified" });
    expect(verified.target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    expect(verified.target.source).toBe(`${BASE}/api/v1/articles/${desk.article.id}`);
    const purposes = verified.body.map((b) => b.purpose);
    expect(purposes.filter((p) => p === "assessing")).toHaveLength(1);
    expect(purposes.filter((p) => p === "commenting")).toHaveLength(6);
    expect(purposes.filter((p) => p === "linking")).toHaveLength(2);
    const deleted = verified.body.find((b) => b.purpose === "commenting" && b["factdesk:deleted"]);
    expect(deleted).toMatchObject({ value: "" });
  });

  it("leaves out independent double-review verdicts that are not yet visible", () => {
    expect(JSON.stringify(source)).not.toContain(SECRETS.review);
  });

  it("is a 404 for another team", async () => {
    const intruder = await createUser(other.teamId, "admin", "intruder");
    expect((await errorOf(exportAnnotations({ articleId: desk.article.id, userId: intruder.id, baseUrl: BASE }))).code).toBe("not_found");
  });
});

describe("export → import → export", () => {
  it("into a fresh article of the same team loses nothing but ids, and keeps the people", async () => {
    const fresh = await createArticle(desk.team.id);
    const result = await importAnnotations({ userId: desk.editor.id, articleId: fresh.id, document: source });
    expect(result).toMatchObject({ claims: 5, comments: 6, evidence: 2, attached: 5, needsReview: 0, downgraded: 0 });
    const again = await exportAnnotations({ articleId: fresh.id, userId: desk.editor.id, baseUrl: BASE });
    expect(normalise(again.first.items)).toEqual(normalise(source.first.items));
    expect(threadShape(again)).toEqual(threadShape(source));
    // Creators who are members here are the real users, not copies.
    const claims = await testDb().claim.findMany({ where: { articleId: fresh.id }, select: { createdById: true, origin: true } });
    expect(new Set(claims.map((c) => c.createdById))).toEqual(new Set([desk.reviewer.id]));
    expect(claims.every((c) => !(c.origin as { creator?: unknown }).creator)).toBe(true);
    const audit = await testDb().auditEvent.findMany({ where: { articleId: fresh.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual(Array(5).fill(["claim.imported", desk.editor.id]));
  });

  it("into another team keeps creators and dates in origin, and a re-export is the same", async () => {
    const foreign = await createArticle(other.teamId);
    await importAnnotations({ userId: other.editor.id, articleId: foreign.id, document: source });
    const again = await exportAnnotations({ articleId: foreign.id, userId: other.editor.id, baseUrl: BASE });
    expect(normalise(again.first.items)).toEqual(normalise(source.first.items));
    expect(threadShape(again)).toEqual(threadShape(source));
    const comment = await testDb().comment.findFirstOrThrow({ where: { claim: { articleId: foreign.id }, parentId: null, deletedAt: null }, orderBy: { createdAt: "asc" } });
    expect(comment.authorId).toBe(other.editor.id);
    expect(comment.origin).toMatchObject({ creator: { name: desk.editor.name, type: "Person" } });

    // ... and back home again, the original members are recognised by their ids.
    const home = await createArticle(desk.team.id);
    await importAnnotations({ userId: desk.admin.id, articleId: home.id, document: again });
    const back = await exportAnnotations({ articleId: home.id, userId: desk.admin.id, baseUrl: BASE });
    expect(normalise(back.first.items)).toEqual(normalise(source.first.items));
    const authors = await testDb().comment.findMany({ where: { claim: { articleId: home.id } }, select: { authorId: true } });
    expect(new Set(authors.map((a) => a.authorId))).toEqual(new Set([desk.editor.id, desk.reviewer.id, desk.reviewer2.id]));
  });
});

describe("placing imported claims on a different text", () => {
  it("attaches moved text and sends what cannot be found to a person, with candidates", async () => {
    const body = `An added first paragraph moves everything along.\n\n${desk.article.body.replace("gross national product", "GNP")}`;
    const edited = await createArticle(desk.team.id, { body });
    const result = await importAnnotations({ userId: desk.reviewer.id, articleId: edited.id, document: source });
    expect(result).toMatchObject({ claims: 5, attached: 4, needsReview: 1 });
    const claims = await testDb().claim.findMany({ where: { articleId: edited.id }, orderBy: { start: "asc" } });
    for (const claim of claims.filter((c) => c.anchorStatus === "attached")) {
      expect(body.slice(claim.start, claim.end)).toBe(claim.exact);
      expect(claim.anchorMethod).toBe("exact-quote");
    }
    const lost = claims.find((c) => c.anchorStatus === "needs_review")!;
    expect(lost.exact).toContain("gross national product");
    expect(lost.anchorCandidates).toEqual(expect.arrayContaining([expect.objectContaining({ text: expect.stringContaining("GNP") })]));
  });
});

describe("who may import", () => {
  it("refuses viewers (403) and other teams (404), and stores nothing", async () => {
    const target = await createArticle(desk.team.id);
    const intruder = await createUser(other.teamId, "admin", "intruder");
    expect((await errorOf(importAnnotations({ userId: desk.viewer.id, articleId: target.id, document: source }))).code).toBe("forbidden");
    expect((await errorOf(importAnnotations({ userId: intruder.id, articleId: target.id, document: source }))).code).toBe("not_found");
    expect(await testDb().claim.count({ where: { articleId: target.id } })).toBe(0);
  });

  it("lets a reviewer import, but verified claims arrive as proposed for an editor to sign off", async () => {
    const target = await createArticle(other.teamId);
    const result = await importAnnotations({ userId: other.reviewer.id, articleId: target.id, document: source });
    expect(result.downgraded).toBe(2);
    expect(await testDb().claim.count({ where: { articleId: target.id, status: "verified" } })).toBe(0);
  });
});

describe("import validation", () => {
  const firstItem = () => structuredClone(source.first.items[0]!) as unknown as Record<string, unknown>;
  const page = (...items: unknown[]) => ({ type: "AnnotationPage", items });

  it("answers readable errors with the path of each problem, and stores nothing", async () => {
    const target = await createArticle(desk.team.id);
    const attempt = (document: unknown) => errorOf(importAnnotations({ userId: desk.editor.id, articleId: target.id, document }));

    expect((await attempt({ hello: "world" })).message).toMatch(/AnnotationCollection/);
    expect((await attempt({ type: "AnnotationCollection", first: "https://elsewhere.example/page1" })).message).toMatch(/embed its first AnnotationPage/);
    expect((await attempt(page())).message).toMatch(/no annotations/);

    const noQuote = firstItem();
    noQuote.target = { source: "x", selector: [{ type: "TextPositionSelector", start: 0, end: 4 }] };
    const badLink = firstItem();
    (badLink.body as Record<string, unknown>[]).push({ type: "SpecificResource", purpose: "linking", source: { id: "javascript:alert(1)", title: "x" } });
    const orphanReply = firstItem();
    (orphanReply.body as Record<string, unknown>[]).push({ type: "TextualBody", purpose: "commenting", value: "hi", "factdesk:replyTo": "urn:nowhere" });
    const verifiedWithoutVerdict = { type: "Annotation", target: firstItem().target, body: [{ type: "TextualBody", purpose: "tagging", value: "verified" }] };
    const error = await attempt(page(noQuote, badLink, orphanReply, verifiedWithoutVerdict));
    expect(error.code).toBe("unprocessable");
    expect(error.fields?.["items.0.target.selector"]?.[0]).toMatch(/TextQuoteSelector/);
    // Schema problems are reported first; fix them and the rest show up together.
    const second = await attempt(page(badLink, orphanReply, verifiedWithoutVerdict));
    expect(Object.keys(second.fields ?? {})).toEqual(
      expect.arrayContaining([expect.stringMatching(/^items\.0\.body\.\d+\.source$/), "items.1.body", "items.2.body"]),
    );
    expect(second.fields?.["items.2.body"]?.[0]).toMatch(/needs a verdict/);
    expect(JSON.stringify(second.fields)).toMatch(/http or https/);
    expect(JSON.stringify(second.fields)).toMatch(/not in this annotation/);

    const tooMany = page(...Array.from({ length: MAX_IMPORT_ANNOTATIONS + 1 }, firstItem));
    expect((await attempt(tooMany)).message).toMatch(/at most 1,000 annotations/);
    expect(await testDb().claim.count({ where: { articleId: target.id } })).toBe(0);
  });

  it("refuses files that are not JSON or too large before reading them", () => {
    expect(() => parseAnnotationUpload("{nope")).toThrow(/not valid JSON/);
    expect(() => parseAnnotationUpload(" ".repeat(MAX_IMPORT_BYTES + 1))).toThrow(/larger than 5 MB/);
  });

  it("reads a plain W3C annotation from another tool: verdict from the label, comments without extensions", async () => {
    const target = await createArticle(desk.team.id);
    const exact = "Sir Keir Starmer has called for the US to provide";
    const result = await importAnnotations({
      userId: desk.editor.id,
      articleId: target.id,
      document: page({
        type: "Annotation",
        creator: { type: "Person", name: "Outside Checker", email: "mailto:checker@elsewhere.example" },
        target: { source: "https://elsewhere.example/a", selector: { type: "TextQuoteSelector", exact } },
        body: [
          { type: "TextualBody", purpose: "assessing", value: "Mostly true: he did, in Paris." },
          { type: "TextualBody", value: "A note from the other desk" },
        ],
      }),
    });
    expect(result).toMatchObject({ claims: 1, comments: 1, attached: 1 });
    const claim = await testDb().claim.findFirstOrThrow({ where: { articleId: target.id }, include: { comments: true } });
    expect(claim).toMatchObject({ exact, start: 0, status: "verdict_proposed", verdictLabel: "Mostly true", verdictOrdinal: 4, verdictExplanation: "he did, in Paris.", createdById: desk.editor.id });
    expect(claim.origin).toMatchObject({ creator: { name: "Outside Checker", email: "checker@elsewhere.example" } });
    expect(claim.comments[0]).toMatchObject({ body: "A note from the other desk", authorId: desk.editor.id });
  });
});
