// The W3C export is a faithful record: it says where each claim stands (attached, needs review,
// orphaned) and which version its selectors describe, counts positions in code points as the
// Web Annotation model does, defines every key it writes (a JSON-LD processor drops undefined
// ones), and survives export → import → export with its orphans.
import { readFileSync } from "node:fs";
import path from "node:path";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations } from "@/lib/annotations/import-annotations";
import { ANNO_CONTEXT, ANNOTATION_CONTEXT, FACTDESK_NS, type W3CAnnotation, type W3CCollection } from "@/lib/annotations/w3c";
import { articleToMarkdown } from "@/lib/articles/import";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { resolveAnchor } from "@/lib/claims/anchor";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { PHRASES, seedFactCheck, type Desk } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";
const annoContext = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", "anno.jsonld"), "utf8")) as object;

/** Serves the W3C context from the copy in fixtures/ (no network here); anything else is an error. */
const documentLoader = async (url: string) => {
  if (url === ANNO_CONTEXT || url === ANNO_CONTEXT.replace("http:", "https:"))
    return { contextUrl: undefined, document: annoContext, documentUrl: url };
  throw new Error(`unexpected context ${url}`);
};

/** Every key JSON-LD expansion would drop, as the processor reports them. */
async function droppedKeys(document: object): Promise<string[]> {
  const dropped: string[] = [];
  await jsonld.expand(
    document as jsonld.JsonLdDocument,
    {
      documentLoader,
      eventHandler: ({ event, next }: { event: { code: string; details?: { property?: string } }; next: () => void }) => {
        if (event.code === "invalid property" || event.code === "relative @type reference")
          dropped.push(event.details?.property ?? event.code);
        next();
      },
    } as jsonld.Options.Expand,
  );
  return dropped;
}

const itemFor = (doc: W3CCollection, exact: string) => doc.first.items.find((a) => a.target.selector[0].exact === exact)!;
const positionOf = (a: W3CAnnotation) => a.target.selector[1];

/** What must differ between two copies: ids, provenance links, the article's own URLs. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !["id", "via", "factdesk:replyTo"].includes(key))
      .map(([key, v]) => [
        key,
        typeof v === "string" && v.startsWith(`${BASE}/api/v1/articles/`) ? v.replace(/articles\/[^/]+/, "articles/ID") : withoutIds(v),
      ]),
  );
}

let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("positions in code points", () => {
  const BODY = "😀 The budget doubled.\n\nSpending on 🚌 buses rose by 4 per cent.";

  it("exports “budget” after an emoji as 6–12, imports 6–12 onto the same UTF-16 span, and exports 6–12 again", async () => {
    const article = await createArticle(desk.team.id, { body: BODY });
    const made = await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(BODY, "budget") });
    expect([made.start, made.end]).toEqual([7, 13]);
    await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(BODY, "buses rose by 4 per cent") });
    const exported = await exportAnnotations({ articleId: article.id, userId: desk.viewer.id, baseUrl: BASE });
    expect(positionOf(itemFor(exported, "budget"))).toEqual({ type: "TextPositionSelector", start: 6, end: 12 });
    const buses = positionOf(itemFor(exported, "buses rose by 4 per cent"));
    expect([...BODY].slice(buses.start, buses.end).join("")).toBe("buses rose by 4 per cent");

    const copy = await createArticle(desk.team.id, { body: BODY });
    const result = await importAnnotations({ userId: desk.editor.id, articleId: copy.id, document: exported });
    expect(result).toMatchObject({ claims: 2, attached: 2 });
    const stored = await testDb().claim.findMany({ where: { articleId: copy.id }, orderBy: { start: "asc" } });
    expect(stored.map((c) => [c.exact, c.start, c.end])).toEqual([
      ["budget", 7, 13],
      ["buses rose by 4 per cent", BODY.indexOf("buses"), BODY.indexOf("buses") + 24],
    ]);
    const again = await exportAnnotations({ articleId: copy.id, userId: desk.editor.id, baseUrl: BASE });
    expect(positionOf(itemFor(again, "budget"))).toEqual({ type: "TextPositionSelector", start: 6, end: 12 });
  });
});

describe("anchor state", () => {
  let source: W3CCollection;
  let seeded: Awaited<ReturnType<typeof seedFactCheck>>;

  beforeAll(async () => {
    seeded = await seedFactCheck(desk);
    // The verified claim's words change (it waits for re-anchoring); another claim is orphaned.
    const edited = desk.article.body.replace("gross national product", "GNP");
    await saveArticleVersion({
      articleId: desk.article.id,
      userId: desk.editor.id,
      baseVersion: 1,
      markdown: articleToMarkdown(edited, null),
    });
    const plain = await testDb().claim.findUniqueOrThrow({ where: { id: seeded.plain.id } });
    await resolveAnchor({ claimId: plain.id, userId: desk.reviewer.id, version: plain.version, action: { kind: "orphan" } });
    source = await exportAnnotations({ articleId: desk.article.id, userId: desk.viewer.id, baseUrl: BASE });
  });

  it("names the version the selectors describe, so they never contradict their source, and says whether the claim is attached", async () => {
    const articleUrl = `${BASE}/api/v1/articles/${desk.article.id}`;
    const lost = itemFor(source, PHRASES.verified);
    expect(lost["factdesk:anchorStatus"]).toBe("needs_review");
    expect(lost.target).toMatchObject({ source: articleUrl, state: { type: "TimeState", cached: `${articleUrl}/versions/1` } });
    const orphan = itemFor(source, PHRASES.plain);
    expect(orphan["factdesk:anchorStatus"]).toBe("orphaned");
    expect(orphan.target.state?.cached).toBe(`${articleUrl}/versions/2`);
    const attached = itemFor(source, PHRASES.proposed);
    expect(attached["factdesk:anchorStatus"]).toBe("attached");
    expect(attached.target.state?.cached).toBe(`${articleUrl}/versions/2`);
    // Each selector pair points at its own words in the version it names.
    const versions = await testDb().articleVersion.findMany({ where: { articleId: desk.article.id } });
    for (const item of source.first.items) {
      const number = Number(item.target.state!.cached.split("/").at(-1));
      const text = [...versions.find((v) => v.number === number)!.body];
      const { start, end } = positionOf(item);
      expect(text.slice(start, end).join("")).toBe(item.target.selector[0].exact);
    }
  });

  it("survives export → import → export, orphans included, equal apart from ids", async () => {
    const fresh = await createArticle(desk.team.id, {
      body: (await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } })).body,
    });
    const result = await importAnnotations({ userId: desk.editor.id, articleId: fresh.id, document: source });
    expect(result).toMatchObject({ claims: 5, attached: 3, needsReview: 1, orphaned: 1 });
    const orphan = await testDb().claim.findFirstOrThrow({ where: { articleId: fresh.id, exact: PHRASES.plain } });
    expect(orphan.anchorStatus).toBe("orphaned");
    const again = await exportAnnotations({ articleId: fresh.id, userId: desk.editor.id, baseUrl: BASE });
    const signOffsDropped = source.first.items.map((a) => ({
      ...a,
      body: a.body.map((b) => (b.purpose === "tagging" && b.value === "verified" ? { ...b, value: "verdict_proposed" as const } : b)),
    }));
    // An attached claim's state names the receiving article's own current version (and its date).
    const ownVersion = (items: W3CAnnotation[]) =>
      items.map((a) => (a["factdesk:anchorStatus"] === "attached" ? { ...a, target: { ...a.target, state: undefined } } : a));
    expect(withoutIds(ownVersion(again.first.items))).toEqual(withoutIds(ownVersion(signOffsDropped)));
    // The orphan and the claim waiting for a person still name the original article's version.
    for (const phrase of [PHRASES.plain, PHRASES.verified]) expect(itemFor(again, phrase).target).toEqual(itemFor(source, phrase).target);
  });

  it("defines every key it writes: JSON-LD expansion drops none (the bare factdesk: prefix dropped many)", async () => {
    expect(await droppedKeys(source)).toEqual([]);
    const withBarePrefix = await droppedKeys({ ...source, "@context": [ANNO_CONTEXT, { factdesk: FACTDESK_NS }] });
    expect(withBarePrefix.length).toBeGreaterThan(10);
    console.log(`[jsonld] keys dropped by expansion with only the factdesk: prefix: ${withBarePrefix.length}; with ANNOTATION_CONTEXT: 0`);
    await expect(
      jsonld.expand(source as unknown as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand),
    ).resolves.toBeTruthy();
    expect(source["@context"]).toEqual(ANNOTATION_CONTEXT);
  });
});
