import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations, parseAnnotationUpload } from "@/lib/annotations/import-annotations";
import { ANNOTATION_CONTEXT, MAX_IMPORT_ANNOTATIONS, MAX_IMPORT_BYTES, type W3CCollection } from "@/lib/annotations/w3c";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { AppError } from "@/lib/http/errors";
import { SECRETS, seedFactCheck, type Desk } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
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
      const { source: _source, state: _state, ...rest } = v as Record<string, unknown>;
      out[key] = normalise(rest);
      continue;
    }
    out[key] = normalise(v);
  }
  return out;
}

/**
 * What an honest round trip gives back. An import goes through this desk's review workflow, so
 * nothing arrives signed off: a claim Verified (or Disputed) in the file comes back as "Verdict
 * proposed" until an editor here signs it off. Everything else (people, dates, verdicts,
 * threads, evidence) is the same; the people and dates come from each item's origin.
 */
function asImported(items: W3CCollection["first"]["items"]) {
  return items.map((a) => ({
    ...a,
    body: a.body.map((b) =>
      b.purpose === "tagging" && (b.value === "verified" || b.value === "disputed") ? { ...b, value: "verdict_proposed" as const } : b,
    ),
  }));
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
  other = {
    teamId: team.id,
    editor: await createUser(team.id, "editor", "othereditor"),
    reviewer: await createUser(team.id, "reviewer", "otherreviewer"),
  };
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("export", () => {
  it("is one W3C AnnotationCollection with every claim, its verdict, comments, evidence and status", () => {
    expect(source["@context"]).toEqual(ANNOTATION_CONTEXT);
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
  it("into a fresh article of the same team loses nothing but ids and sign-offs, and still names the people", async () => {
    const fresh = await createArticle(desk.team.id);
    const result = await importAnnotations({ userId: desk.editor.id, articleId: fresh.id, document: source });
    expect(result).toMatchObject({ claims: 5, comments: 6, evidence: 2, attached: 5, needsReview: 0, downgraded: 2, verdictsHeld: 0 });
    const again = await exportAnnotations({ articleId: fresh.id, userId: desk.editor.id, baseUrl: BASE });
    expect(normalise(again.first.items)).toEqual(normalise(asImported(source.first.items)));
    expect(threadShape(again)).toEqual(threadShape(source));
    // In the database it is all the importer's work, even where the file names members here;
    // the file's people are only in origin (and the export above).
    const claims = await testDb().claim.findMany({
      where: { articleId: fresh.id },
      select: { createdById: true, verdictById: true, status: true, origin: true },
    });
    expect(new Set(claims.map((c) => c.createdById))).toEqual(new Set([desk.editor.id]));
    expect(new Set(claims.map((c) => c.verdictById).filter(Boolean))).toEqual(new Set([desk.editor.id]));
    expect(claims.filter((c) => c.status === "verified")).toHaveLength(0);
    expect(claims.every((c) => (c.origin as { creator?: { name?: string } }).creator?.name === desk.reviewer.name)).toBe(true);
    const audit = await testDb().auditEvent.findMany({ where: { articleId: fresh.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual(Array(5).fill(["claim.imported", desk.editor.id]));
  });

  it("into another team keeps creators and dates in origin, and a re-export is the same", async () => {
    const foreign = await createArticle(other.teamId);
    await importAnnotations({ userId: other.editor.id, articleId: foreign.id, document: source });
    const again = await exportAnnotations({ articleId: foreign.id, userId: other.editor.id, baseUrl: BASE });
    expect(normalise(again.first.items)).toEqual(normalise(asImported(source.first.items)));
    expect(threadShape(again)).toEqual(threadShape(source));
    const comment = await testDb().comment.findFirstOrThrow({
      where: { claim: { articleId: foreign.id }, parentId: null, deletedAt: null },
      orderBy: { createdAt: "asc" },
    });
    expect(comment.authorId).toBe(other.editor.id);
    expect(comment.origin).toMatchObject({ creator: { name: desk.editor.name, type: "Person" } });

    // ... and back home again: the export still names the original people, but a file's
    // member ids never make anyone here the author of what the importer brought in.
    const home = await createArticle(desk.team.id);
    await importAnnotations({ userId: desk.admin.id, articleId: home.id, document: again });
    const back = await exportAnnotations({ articleId: home.id, userId: desk.admin.id, baseUrl: BASE });
    expect(normalise(back.first.items)).toEqual(normalise(asImported(source.first.items)));
    const authors = await testDb().comment.findMany({ where: { claim: { articleId: home.id } }, select: { authorId: true } });
    expect(new Set(authors.map((a) => a.authorId))).toEqual(new Set([desk.admin.id]));
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

describe("an import goes through the review workflow", () => {
  const exact = "Sir Keir Starmer has called for the US to provide";
  const target = { source: "https://elsewhere.example/a", selector: { type: "TextQuoteSelector", exact } };
  /** A file that claims other people's authority: admin-created, editor's verdict, admin's comment, disputed. */
  type Doc = { type: string; items: (Record<string, unknown> & { body: Record<string, unknown>[] })[] };
  const forged = (): Doc => ({
    type: "AnnotationPage",
    items: [
      {
        type: "Annotation",
        creator: { id: `urn:factdesk:user:${desk.admin.id}`, type: "Person", name: "Admin" },
        created: "2020-01-01T00:00:00Z",
        "factdesk:requiresDoubleReview": false,
        target,
        body: [
          {
            type: "TextualBody",
            purpose: "assessing",
            value: "False: forged",
            creator: { name: "Editor", email: desk.editor.email },
            created: "2020-01-02T00:00:00Z",
            "factdesk:verdict": { key: "false", label: "False", ordinal: 1, explanation: "Signed by nobody here." },
          },
          {
            id: "urn:x:c1",
            type: "TextualBody",
            purpose: "commenting",
            value: "As the admin I say so",
            creator: { id: `urn:factdesk:user:${desk.admin.id}`, name: "Admin" },
          },
          {
            type: "SpecificResource",
            purpose: "linking",
            source: { id: "https://example.org/source", title: "A source" },
            creator: { email: desk.editor.email, name: "Editor" },
          },
          { type: "TextualBody", purpose: "tagging", value: "disputed" },
        ],
      },
    ],
  });

  it("makes a reviewer the author of everything, with no status, verdict or double-review setting a reviewer could not set", async () => {
    const article = await createArticle(desk.team.id);
    const result = await importAnnotations({ userId: desk.reviewer.id, articleId: article.id, document: forged() });
    expect(result).toMatchObject({ claims: 1, downgraded: 1, verdictsHeld: 0 });
    const claim = await testDb().claim.findFirstOrThrow({ where: { articleId: article.id }, include: { comments: true, evidence: true } });
    expect(claim).toMatchObject({
      createdById: desk.reviewer.id,
      verdictById: desk.reviewer.id,
      status: "verdict_proposed",
      verdictLabel: "False",
      verdictOrdinal: 1,
      requiresDoubleReview: false,
    });
    expect(claim.comments.map((c) => c.authorId)).toEqual([desk.reviewer.id]);
    expect(claim.evidence.map((e) => e.addedById)).toEqual([desk.reviewer.id]);
    // The file's people and dates are kept for display and export, and nowhere else.
    expect(claim.createdAt.getFullYear()).not.toBe(2020);
    expect(claim.origin).toMatchObject({
      creator: { name: "Admin" },
      created: "2020-01-01T00:00:00Z",
      verdictCreator: { email: desk.editor.email },
    });
    expect(claim.comments[0]!.origin).toMatchObject({ id: "urn:x:c1", creator: { name: "Admin" } });
    // The claim panel names the comment's original writer beside the importer.
    const shown = await getClaim({ claimId: claim.id, userId: desk.editor.id });
    expect(shown.comments[0]).toMatchObject({ author: { id: desk.reviewer.id }, importedFrom: { name: "Admin" } });
  });

  it("keeps a reviewer's verdict out of a claim that needs two independent verdicts, and says so", async () => {
    const article = await createArticle(desk.team.id);
    await testDb().article.update({ where: { id: article.id }, data: { requiresDoubleReview: true } });
    const result = await importAnnotations({ userId: desk.reviewer.id, articleId: article.id, document: forged() });
    expect(result).toMatchObject({ claims: 1, downgraded: 0, verdictsHeld: 1 });
    const claim = await testDb().claim.findFirstOrThrow({ where: { articleId: article.id } });
    expect(claim).toMatchObject({
      requiresDoubleReview: true,
      status: "unreviewed",
      verdictOrdinal: null,
      verdictLabel: null,
      verdictById: null,
    });
    expect(claim.origin).toMatchObject({
      heldVerdict: { key: "false", label: "False", ordinal: 1, explanation: "Signed by nobody here." },
    });
  });

  it("gives an editor's imported verdict to the four-eyes rule: someone else signs it off", async () => {
    const article = await createArticle(desk.team.id);
    const verified = forged();
    verified.items[0]!.body[0] = {
      ...verified.items[0]!.body[0]!,
      "factdesk:verdict": { key: "true", label: "True", ordinal: 5, explanation: "Checked elsewhere." },
    };
    verified.items[0]!.body[3] = { type: "TextualBody", purpose: "tagging", value: "verified" };
    const [claimId] = (await importAnnotations({ userId: desk.editor.id, articleId: article.id, document: verified })).claimIds;
    expect(await testDb().claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      status: "verdict_proposed",
      verdictById: desk.editor.id,
      verdictLabel: "True",
      verdictOrdinal: 5,
    });
    expect((await errorOf(setClaimStatus({ userId: desk.editor.id, claimId: claimId!, status: "verified" }))).message).toMatch(/four-eyes/);
    expect(await setClaimStatus({ userId: desk.admin.id, claimId: claimId!, status: "verified" })).toMatchObject({ status: "verified" });
  });

  it("refuses a verdict whose label and ordinal disagree, at its path", async () => {
    const article = await createArticle(desk.team.id);
    const lying = forged();
    lying.items[0]!.body[0] = { ...lying.items[0]!.body[0]!, "factdesk:verdict": { label: "True", ordinal: 1, explanation: "x" } };
    const error = await errorOf(importAnnotations({ userId: desk.editor.id, articleId: article.id, document: lying }));
    expect(error.code).toBe("unprocessable");
    expect(error.fields?.["items.0.body.0.factdesk:verdict"]?.[0]).toMatch(/do not name the same verdict/);
    expect(await testDb().claim.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("import validation", () => {
  const firstItem = () => structuredClone(source.first.items[0]!) as unknown as Record<string, unknown>;
  const page = (...items: unknown[]) => ({ type: "AnnotationPage", items });

  it("answers readable errors with the path of each problem, and stores nothing", async () => {
    const target = await createArticle(desk.team.id);
    const attempt = (document: unknown) => errorOf(importAnnotations({ userId: desk.editor.id, articleId: target.id, document }));

    expect((await attempt({ hello: "world" })).message).toMatch(/AnnotationCollection/);
    expect((await attempt({ type: "AnnotationCollection", first: "https://elsewhere.example/page1" })).message).toMatch(
      /embed its first AnnotationPage/,
    );
    expect((await attempt(page())).message).toMatch(/no annotations/);

    const noQuote = firstItem();
    noQuote.target = { source: "x", selector: [{ type: "TextPositionSelector", start: 0, end: 4 }] };
    const badLink = firstItem();
    (badLink.body as Record<string, unknown>[]).push({
      type: "SpecificResource",
      purpose: "linking",
      source: { id: "javascript:alert(1)", title: "x" },
    });
    const orphanReply = firstItem();
    (orphanReply.body as Record<string, unknown>[]).push({
      type: "TextualBody",
      purpose: "commenting",
      value: "hi",
      "factdesk:replyTo": "urn:nowhere",
    });
    const verifiedWithoutVerdict = {
      type: "Annotation",
      target: firstItem().target,
      body: [{ type: "TextualBody", purpose: "tagging", value: "verified" }],
    };
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

  it("refuses NUL characters anywhere, naming where they are, instead of failing in the database", async () => {
    const withNul = firstItem();
    (withNul.body as Record<string, unknown>[]).push({
      type: "TextualBody",
      purpose: "commenting",
      value: "before\u0000after",
      creator: { name: "A\u0000B" },
    });
    const raw = JSON.stringify(page(withNul));
    expect(raw).toContain("\\u0000"); // JSON escapes it; parsing brings the NUL back
    const thrown = (() => {
      try {
        parseAnnotationUpload(raw);
      } catch (err) {
        return err as AppError;
      }
      throw new Error("expected a problem");
    })();
    expect(thrown).toBeInstanceOf(AppError);
    const at = (withNul.body as unknown[]).length - 1;
    expect(Object.keys(thrown.fields ?? {})).toEqual([`items.0.body.${at}.value`, `items.0.body.${at}.creator.name`]);
    expect(thrown.message).toMatch(/NUL character/);

    const target = await createArticle(desk.team.id);
    const error = await errorOf(importAnnotations({ userId: desk.editor.id, articleId: target.id, document: page(withNul) }));
    expect(error.code).toBe("unprocessable");
    expect(await testDb().claim.count({ where: { articleId: target.id } })).toBe(0);
  });

  it("answers offsets too large for the database as a problem, not a server error", async () => {
    const target = await createArticle(desk.team.id);
    const huge = firstItem();
    (huge.target as { selector: Record<string, unknown>[] }).selector[1] = { type: "TextPositionSelector", start: 0, end: 2_147_483_648 };
    const error = await errorOf(importAnnotations({ userId: desk.editor.id, articleId: target.id, document: page(huge) }));
    expect(error.code).toBe("unprocessable");
    expect(error.fields?.["items.0.target.selector"]?.[0]).toMatch(/at most 2,147,483,647/);
  });

  it("reports a comment id used twice at its path", async () => {
    const target = await createArticle(desk.team.id);
    const twice = firstItem();
    const comment = (value: string) => ({ id: "urn:elsewhere:comment:1", type: "TextualBody", purpose: "commenting", value });
    (twice.body as Record<string, unknown>[]).push(comment("First"), comment("Same id, other text"));
    const error = await errorOf(importAnnotations({ userId: desk.editor.id, articleId: target.id, document: page(twice) }));
    expect(error.fields?.[`items.0.body.${(twice.body as unknown[]).length - 1}.id`]?.[0]).toMatch(/is used twice/);
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
    expect(claim).toMatchObject({
      exact,
      start: 0,
      status: "verdict_proposed",
      verdictLabel: "Mostly true",
      verdictOrdinal: 4,
      verdictExplanation: "he did, in Paris.",
      createdById: desk.editor.id,
    });
    expect(claim.origin).toMatchObject({ creator: { name: "Outside Checker", email: "checker@elsewhere.example" } });
    expect(claim.comments[0]).toMatchObject({ body: "A note from the other desk", authorId: desk.editor.id });
  });
});
