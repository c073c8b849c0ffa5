import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { normalizeArticleText } from "@/lib/anchoring/normalize";
import { buildEditCases, offsetOf } from "@/lib/anchoring/reanchor/edit-cases";
import { articleToMarkdown } from "@/lib/articles/import";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { diffVersions, getVersion, listVersions } from "@/lib/articles/versions";
import { getAnchorReview, resolveAnchor } from "@/lib/claims/anchor";
import { addComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { addEvidence } from "@/lib/claims/evidence";
import { listClaimSummaries } from "@/lib/claims/list-claims";
import { bodyHash } from "@/lib/articles/stored-suggestions";
import { listSuggestions } from "@/lib/claims/suggested";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { AppError } from "@/lib/http/errors";
import { readSampleArticle } from "@/prisma/sample-article";

type Desk = Awaited<ReturnType<typeof createDesk>>;
const sample = readSampleArticle().body;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}

const paragraphs = (body: string) => body.split("\n\n");
const stored = (id: string) => testDb().claim.findUniqueOrThrow({ where: { id } });
const articleOf = (id: string) => testDb().article.findUniqueOrThrow({ where: { id } });

/** Saves `body` (as the editor's Markdown) on top of the article's current version. */
async function saveBody(desk: Desk, articleId: string, body: string, userId = desk.editor.id) {
  const article = await articleOf(articleId);
  return saveArticleVersion({ articleId, userId, baseVersion: article.version, markdown: articleToMarkdown(body, null) });
}

async function claimOn(desk: Desk, articleId: string, body: string, phrase: string, occurrence = 0) {
  return createClaim({ userId: desk.reviewer.id, articleId, target: targetFor(body, phrase, occurrence) });
}

let desk: Desk;
let intruder: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  desk = await createDesk();
  intruder = await createUser((await createTeam()).id, "admin", "intruder");
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("the edit table, through the real save path", () => {
  // The same cases the matching engine is tuned on (lib/anchoring/reanchor/edit-cases.ts), now
  // as an editor's save: Markdown in, normalised body stored, claims re-anchored and written.
  for (const edit of buildEditCases(sample)) {
    it(edit.name, async () => {
      const article = await createArticle(desk.team.id, { body: edit.old });
      const claim = await claimOn(desk, article.id, edit.old, edit.claim, edit.occurrence);
      const result = await saveBody(desk, article.id, edit.new);
      const saved = await articleOf(article.id);
      const after = await stored(claim.id);
      // Spacing the editor types (no-break, doubled) is normalised away: then nothing changed.
      if (normalizeArticleText(edit.new) === edit.old) {
        expect(result.saved).toBe(false);
        expect([after.start, after.exact]).toEqual([claim.start, claim.exact]);
        expect(after.anchorStatus).toBe("attached");
        return;
      }
      expect(result.version).toBe(2);
      expect(saved.body).toBe(normalizeArticleText(edit.new));
      if (edit.expected.outcome === "needs-review") {
        // Never attached to other text: it keeps its old words and waits for a person.
        expect(after.anchorStatus).toBe("needs_review");
        expect([after.exact, after.start, after.end, after.anchorVersion]).toEqual([claim.exact, claim.start, claim.end, 1]);
        expect(result.needsReview).toBe(1);
      } else {
        const text = normalizeArticleText(edit.expected.text);
        expect(after.anchorStatus).toBe("attached");
        expect(after.exact).toBe(text);
        expect(after.start).toBe(offsetOf(saved.body, text, edit.expected.occurrence ?? 0));
        expect(saved.body.slice(after.start, after.end)).toBe(after.exact);
        expect(after.prefix).toBe(saved.body.slice(Math.max(0, after.start - 32), after.start));
        expect(after.anchorVersion).toBe(2);
        expect(after.anchorConfidence).toBeGreaterThanOrEqual(0.75);
      }
    });
  }
});

describe("saving a version", () => {
  it("stores an immutable version with its hash, moves claims and reports what happened", async () => {
    const article = await createArticle(desk.team.id);
    const p = paragraphs(sample);
    const kept = await claimOn(desk, article.id, sample, p[0]!.slice(0, 40));
    const moved = await claimOn(desk, article.id, sample, "he would be prepared to put a peacekeeping force into Ukraine");
    const lost = await claimOn(
      desk,
      article.id,
      sample,
      "The UK currently spends around 2.3 per cent of gross national product on defence.",
    );
    // Paragraph inserted after the first one; the 2.3 per cent paragraph deleted.
    const next = [p[0]!, "A paragraph added by the editor.", ...p.slice(1).filter((x) => !x.includes("around 2.3 per cent"))].join("\n\n");
    const result = await saveBody(desk, article.id, next);
    expect(result).toEqual({ version: 2, saved: true, attached: 2, moved: 1, needsReview: 1, unchanged: 1 });

    const version = await testDb().articleVersion.findUniqueOrThrow({ where: { articleId_number: { articleId: article.id, number: 2 } } });
    expect(version.contentHash).toBe(bodyHash(next));
    expect(version.createdById).toBe(desk.editor.id);
    expect((await articleOf(article.id)).version).toBe(2);

    const [k, m, l] = await Promise.all([stored(kept.id), stored(moved.id), stored(lost.id)]);
    expect([k.version, k.start, k.anchorVersion]).toEqual([kept.version, kept.start, 2]);
    expect([m.version, m.start, m.anchorMethod, m.updatedById]).toEqual([
      moved.version + 1,
      moved.start + "A paragraph added by the editor.\n\n".length,
      "exact-quote",
      desk.editor.id,
    ]);
    expect(l.version).toBe(lost.version + 1);
    expect(l.anchorCandidates).toEqual(expect.any(Array));

    const audit = await testDb().auditEvent.findMany({
      where: { articleId: article.id, action: { in: ["article.version_saved", "claim.reanchored", "claim.needs_reanchoring"] } },
      orderBy: { id: "asc" },
    });
    // The article's row first (live readers reload the text), then one row per changed claim.
    expect(audit[0]?.action).toBe("article.version_saved");
    expect(audit[0]?.after).toMatchObject({ version: 2, attached: 2, moved: 1, needsReview: 1 });
    expect(audit.length).toBe(3);
    expect(audit.filter((a) => a.claimId === moved.id)[0]?.action).toBe("claim.reanchored");
    expect(audit.filter((a) => a.claimId === lost.id)[0]?.action).toBe("claim.needs_reanchoring");

    // Versions are immutable: the database refuses to change one.
    await expect(testDb().$executeRaw`UPDATE "ArticleVersion" SET "body" = 'rewritten' WHERE "id" = ${version.id}`).rejects.toThrow(
      /immutable/,
    );
    const versions = await listVersions({ articleId: article.id, userId: desk.viewer.id });
    expect(versions.map((v) => [v.number, v.current, v.size])).toEqual([
      [2, true, next.length],
      [1, false, sample.length],
    ]);
    expect((await getVersion({ articleId: article.id, number: 1, userId: desk.viewer.id })).body).toBe(sample);
    const diff = await diffVersions({ articleId: article.id, from: 1, to: 2, userId: desk.viewer.id });
    expect(
      diff.parts
        .filter((x) => x.kind === "added")
        .map((x) => x.text)
        .join(""),
    ).toContain("A paragraph added by the editor.");
    expect(
      diff.parts
        .filter((x) => x.kind === "removed")
        .map((x) => x.text)
        .join(""),
    ).toContain("2.3 per cent");
    expect(
      diff.parts
        .filter((x) => x.kind !== "added")
        .map((x) => x.text)
        .join(""),
    ).toBe(sample);
  });

  it("answers 409 naming who saved in between, and stores nothing for the stale save", async () => {
    const article = await createArticle(desk.team.id);
    await saveArticleVersion({
      articleId: article.id,
      userId: desk.admin.id,
      baseVersion: 1,
      markdown: articleToMarkdown(`First.\n\n${sample}`, null),
    });
    const error = await failure(
      saveArticleVersion({
        articleId: article.id,
        userId: desk.editor.id,
        baseVersion: 1,
        markdown: articleToMarkdown(`Other.\n\n${sample}`, null),
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toContain(desk.admin.name);
    expect(error.message).toMatch(/version 2/);
    expect(await testDb().articleVersion.count({ where: { articleId: article.id } })).toBe(2);
    expect((await articleOf(article.id)).body.startsWith("First.")).toBe(true);
  });

  it("does not make a version when nothing changed, but does for a new title", async () => {
    const article = await createArticle(desk.team.id);
    const same = await saveArticleVersion({
      articleId: article.id,
      userId: desk.editor.id,
      baseVersion: 1,
      markdown: articleToMarkdown(sample, null),
    });
    expect(same).toMatchObject({ saved: false, version: 1 });
    const titled = await saveArticleVersion({
      articleId: article.id,
      userId: desk.editor.id,
      baseVersion: 1,
      title: "A better title",
      markdown: articleToMarkdown(sample, null),
    });
    expect(titled).toMatchObject({ saved: true, version: 2 });
    expect((await articleOf(article.id)).title).toBe("A better title");
  });

  it("keeps a first line written as '# Heading' in the body, as a heading: the title comes from its own field", async () => {
    const article = await createArticle(desk.team.id);
    const markdown = `# Correction, 19 February\n\n${articleToMarkdown(sample, null)}`;
    const result = await saveArticleVersion({ articleId: article.id, userId: desk.editor.id, baseVersion: 1, markdown });
    expect(result).toMatchObject({ saved: true, version: 2 });
    const saved = await articleOf(article.id);
    expect(saved.body).toBe(`Correction, 19 February\n\n${sample}`);
    expect(saved.title).toBe(article.title);
    expect((saved.blocks as { paragraphs: { kind: string }[] }).paragraphs[0]).toEqual({ kind: "h2" });
    const titled = await saveArticleVersion({
      articleId: article.id,
      userId: desk.editor.id,
      baseVersion: 2,
      title: "Corrected",
      markdown: `# Second heading\n\n${sample}`,
    });
    expect(titled.version).toBe(3);
    expect(await articleOf(article.id)).toMatchObject({ title: "Corrected", body: `Second heading\n\n${sample}` });
  });

  it("gives claims made after a save the version they were made on", async () => {
    const article = await createArticle(desk.team.id);
    const next = `Update.\n\n${sample}`;
    await saveBody(desk, article.id, next);
    const claim = await claimOn(desk, article.id, next, "Update.");
    expect((await stored(claim.id)).anchorVersion).toBe(2);
  });

  it("refuses empty text with a readable message", async () => {
    const article = await createArticle(desk.team.id);
    const error = await failure(saveArticleVersion({ articleId: article.id, userId: desk.editor.id, baseVersion: 1, markdown: "  \n\n " }));
    expect(error.code).toBe("unprocessable");
    expect(await testDb().articleVersion.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("is for editors: a reviewer gets 403, a viewer 403, another team 404", async () => {
    const article = await createArticle(desk.team.id);
    const markdown = articleToMarkdown(`Changed.\n\n${sample}`, null);
    for (const [user, code] of [
      [desk.reviewer, "forbidden"],
      [desk.viewer, "forbidden"],
      [intruder, "not_found"],
    ] as const) {
      expect((await failure(saveArticleVersion({ articleId: article.id, userId: user.id, baseVersion: 1, markdown }))).code).toBe(code);
    }
    expect((await failure(listVersions({ articleId: article.id, userId: intruder.id }))).code).toBe("not_found");
    expect((await failure(getVersion({ articleId: article.id, number: 1, userId: intruder.id }))).code).toBe("not_found");
    expect(await testDb().articleVersion.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("computes suggestions when the text is saved, for the new text", async () => {
    const article = await createArticle(desk.team.id);
    const next = `${sample}\n\nUnemployment rose by 4.2 per cent in 2024, the highest rate since 2010.`;
    await saveBody(desk, article.id, next);
    const saved = await articleOf(article.id);
    expect(saved.suggestionsHash).toBe(bodyHash(next));
    const suggestions = await listSuggestions({ articleId: article.id, userId: desk.viewer.id });
    expect(suggestions.some((s) => next.slice(s.start, s.end) === s.text && s.text.includes("4.2 per cent"))).toBe(true);
  });
});

describe("claims that need re-anchoring", () => {
  const PHRASE = "he would be prepared to put a peacekeeping force into Ukraine";
  const removed = (body: string) => body.replace(PHRASE, "he has not ruled anything out");

  it("are re-evaluated on the next save against the text they came from", async () => {
    const article = await createArticle(desk.team.id);
    const claim = await claimOn(desk, article.id, sample, PHRASE);
    await saveBody(desk, article.id, removed(sample));
    expect((await stored(claim.id)).anchorStatus).toBe("needs_review");
    // Another edit elsewhere: still needs review, with candidates against version 3.
    await saveBody(desk, article.id, `Update.\n\n${removed(sample)}`);
    expect((await stored(claim.id)).anchorStatus).toBe("needs_review");
    // The sentence comes back (and moved): it re-attaches on its own.
    const result = await saveBody(desk, article.id, `Update.\n\n${sample}`);
    const after = await stored(claim.id);
    expect(result.moved).toBe(1);
    expect([after.anchorStatus, after.exact, after.anchorVersion]).toEqual(["attached", PHRASE, 4]);
  });

  it("can be attached to a candidate, to a selected span, or orphaned without losing anything", async () => {
    const article = await createArticle(desk.team.id);
    const reworded = sample.replace(PHRASE, "he has refused to rule out sending a peacekeeping force into Ukraine");
    const a = await claimOn(desk, article.id, sample, PHRASE);
    const b = await claimOn(desk, article.id, sample, "The UK currently spends around 2.3 per cent");
    const c = await claimOn(desk, article.id, sample, "Sir Keir Starmer has called for the US");
    await setClaimVerdict({
      userId: desk.reviewer.id,
      claimId: c.id,
      verdict: "mostly_true",
      explanation: "Matches the speech transcript.",
    });
    await addComment({ userId: desk.reviewer.id, claimId: c.id, body: "Keep this one." });
    await addEvidence({
      userId: desk.reviewer.id,
      claimId: c.id,
      url: "https://example.org/speech",
      title: "Speech",
      excerpt: "",
      stance: "supports",
      sourceType: "primary",
      retrievedAt: new Date("2025-02-18"),
    });
    const next = reworded
      .replace("The UK currently spends around 2.3 per cent", "Britain spends about 2.4 per cent")
      .replace("Sir Keir Starmer has called for the US", "The prime minister urged Washington");
    await saveBody(desk, article.id, next);

    // Candidate: the reworded sentence is offered; the reviewer confirms it.
    const review = await getAnchorReview({ claimId: a.id, userId: desk.reviewer.id });
    expect(review.status).toBe("needs_review");
    expect(review.old.exact).toBe(PHRASE);
    const best = review.candidates[0]!;
    expect(best.text).toContain("peacekeeping force into Ukraine");
    const aNow = await stored(a.id);
    // A stale claim version is refused like every claim write.
    expect(
      (
        await failure(
          resolveAnchor({
            claimId: a.id,
            userId: desk.reviewer.id,
            version: aNow.version - 1,
            action: { kind: "candidate", index: best.index },
          }),
        )
      ).code,
    ).toBe("conflict");
    const attached = await resolveAnchor({
      claimId: a.id,
      userId: desk.reviewer.id,
      version: aNow.version,
      action: { kind: "candidate", index: best.index },
    });
    expect(attached.anchor).toMatchObject({ status: "attached", method: "manual", confidence: 1, version: 2 });
    expect(next.slice(attached.start, attached.end)).toBe(best.text);

    // A span the reviewer selected; a stale selection (text differs) is a 409, blank is a 422.
    const bNow = await stored(b.id);
    const start = next.indexOf("Britain spends about 2.4 per cent");
    const span = {
      kind: "span" as const,
      start,
      end: start + "Britain spends about 2.4 per cent".length,
      exact: "Britain spends about 2.4 per cent",
    };
    expect(
      (
        await failure(
          resolveAnchor({ claimId: b.id, userId: desk.reviewer.id, version: bNow.version, action: { ...span, exact: "something else" } }),
        )
      ).code,
    ).toBe("conflict");
    const space = next.indexOf(" ");
    expect(
      (
        await failure(
          resolveAnchor({
            claimId: b.id,
            userId: desk.reviewer.id,
            version: bNow.version,
            action: { kind: "span", start: space, end: space + 1, exact: " " },
          }),
        )
      ).code,
    ).toBe("unprocessable");
    const chosen = await resolveAnchor({ claimId: b.id, userId: desk.reviewer.id, version: bNow.version, action: span });
    expect([chosen.exact, chosen.anchor.status]).toEqual(["Britain spends about 2.4 per cent", "attached"]);

    // Orphaned: listed with its old quote, verdict, comment and evidence intact.
    const cNow = await stored(c.id);
    expect(
      (await failure(resolveAnchor({ claimId: c.id, userId: desk.viewer.id, version: cNow.version, action: { kind: "orphan" } }))).code,
    ).toBe("forbidden");
    expect(
      (await failure(resolveAnchor({ claimId: c.id, userId: intruder.id, version: cNow.version, action: { kind: "orphan" } }))).code,
    ).toBe("not_found");
    const orphaned = await resolveAnchor({ claimId: c.id, userId: desk.reviewer.id, version: cNow.version, action: { kind: "orphan" } });
    expect(orphaned.anchor.status).toBe("orphaned");
    const listed = (await listClaimSummaries({ articleId: article.id, userId: desk.viewer.id })).find((s) => s.id === c.id)!;
    expect(listed).toMatchObject({
      anchorStatus: "orphaned",
      exact: "Sir Keir Starmer has called for the US",
      counts: { comments: 1, evidence: 1 },
      verdict: { key: "mostly_true" },
    });
    // A later save leaves orphaned claims alone.
    await saveBody(desk, article.id, `${next}\n\nA closing line.`);
    expect((await stored(c.id)).anchorStatus).toBe("orphaned");
    // Restore: back to needs review with fresh candidates.
    const restored = await resolveAnchor({
      claimId: c.id,
      userId: desk.reviewer.id,
      version: orphaned.version,
      action: { kind: "restore" },
    });
    expect(restored.anchor.status).toBe("needs_review");
    const actions = (await testDb().auditEvent.findMany({ where: { claimId: c.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["claim.needs_reanchoring", "claim.orphaned", "claim.restored"]));
  });
});
