// "Checked before" (lib/claims/checked-before.ts) finds the team's earlier verdicts on claims that read alike. Since
// issue #21 (1,000,000 claims) claims with the same words as the text (case, punctuation and figures aside) come
// first, latest verdict first, from a btree; the slots left take the most alike other claims of at least 0.45 from
// a GIN trigram index. These tests hold the SQL function to that rule computed by scoring every claim, check the
// near-duplicates a desk meets (other figures, punctuation, case) are found whichever write path stored the verdict,
// and that the function leaves the caller's pg_trgm threshold alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { CHECKED_BEFORE_MIN_SIMILARITY, findCheckedBefore, findCheckedBeforeEach } from "@/lib/claims/checked-before";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { db } from "@/lib/db";

type Desk = Awaited<ReturnType<typeof createDesk>>;

const STORED = "The UK currently spends around 2.3 per cent of gross national product on defence";

/** A claim on a new article of the desk whose body is `text`, with a verdict given through the app (one-statement SQL). */
async function claimWithVerdict(desk: Desk, text: string, title = "Earlier article") {
  const article = await createArticle(desk.team.id, { title, body: `${text}\n` });
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(article.body, text) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "misleading", explanation: "Checked." });
  return { claimId: claim.id, articleId: article.id };
}

/** Claims stored with Prisma alone (no app rules), with or without a verdict; returns their ids in order. */
async function storeClaims(
  desk: Desk,
  texts: string[],
  verdict = true,
  idsDescending = false,
  verdictAt: (i: number) => Date | null = () => null,
): Promise<string[]> {
  const article = await createArticle(desk.team.id, { title: "Stored directly", body: "x" });
  const ids = texts.map((_, i) => `cb-${article.id}-${String(idsDescending ? texts.length - i : i).padStart(3, "0")}`);
  await testDb().claim.createMany({
    data: texts.map((exact, i) => ({
      id: ids[i]!,
      articleId: article.id,
      exact,
      prefix: "",
      suffix: "",
      start: 0,
      end: 1,
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
      ...(verdict
        ? { status: "verified" as const, verdictOrdinal: 3, verdictLabel: "Misleading", verdictKey: "misleading", verdictAt: verdictAt(i) }
        : {}),
    })),
  });
  return ids;
}

/**
 * The rule, by scoring every claim of the team with a verdict (no index needed): same-words claims at least 0.45 alike,
 * latest verdict first, then the most alike others; listed most alike first, then by id. [id, similarity] pairs.
 */
async function expectedAnswer(teamId: string, text: string, limit: number, excludeClaimId = "") {
  const rows = await testDb().$queryRaw<{ id: string; similarity: number }[]>`
    WITH candidates AS (
      SELECT c."id", c."verdictAt", similarity(c."exact", ${text}) AS s,
             btrim(regexp_replace(lower(c."exact"), '[^a-z]+', ' ', 'g')) = btrim(regexp_replace(lower(${text}), '[^a-z]+', ' ', 'g')) AS same
      FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
      WHERE a."teamId" = ${teamId} AND c."verdictOrdinal" IS NOT NULL AND c."id" <> ${excludeClaimId}
        AND similarity(c."exact", ${text}) >= ${CHECKED_BEFORE_MIN_SIMILARITY}
    ), first AS (
      SELECT "id", s FROM candidates WHERE same ORDER BY "verdictAt" DESC NULLS LAST, "id" LIMIT ${limit}
    ), rest AS (
      SELECT "id", s FROM candidates WHERE "id" NOT IN (SELECT "id" FROM first)
      ORDER BY s DESC, "id" LIMIT ${limit} - (SELECT count(*) FROM first)
    )
    SELECT "id", s::float8 AS "similarity" FROM (SELECT * FROM first UNION ALL SELECT * FROM rest) x ORDER BY s DESC, "id"`;
  return rows.map((r) => [r.id, Number(r.similarity.toFixed(3))]);
}

let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("findCheckedBefore", () => {
  it("finds a near-duplicate with other figures, punctuation or case, with its verdict and article", async () => {
    const own = await createDesk();
    const stored = await claimWithVerdict(own, STORED, "Defence spending explained");
    const rewordings = [
      STORED,
      "The UK currently spends around 2.5 per cent of gross national product on defence",
      "the uk currently spends around 2.3 per cent of gross national product on defence.",
      "“The UK currently spends around 2.3 per cent of gross national product on defence!”",
      "THE UK CURRENTLY SPENDS AROUND 2.3 PER CENT OF GROSS NATIONAL PRODUCT ON DEFENCE",
      "The UK currently spends about 2.0 per cent of gross national product on defence",
      "Britain currently spends around 2.3 per cent of its gross national product on defence",
    ];
    for (const text of rewordings) {
      const [match] = await findCheckedBefore({ teamId: own.team.id, text });
      expect(match, text).toMatchObject({
        claimId: stored.claimId,
        exact: STORED,
        verdict: "Misleading",
        article: { id: stored.articleId, title: "Defence spending explained" },
      });
      expect(match!.similarity).toBeGreaterThanOrEqual(CHECKED_BEFORE_MIN_SIMILARITY);
    }
    expect((await findCheckedBefore({ teamId: own.team.id, text: STORED }))[0]!.similarity).toBe(1);
    expect(await findCheckedBefore({ teamId: own.team.id, text: "Inflation fell to 3 per cent in the spring" })).toEqual([]);
    expect(await findCheckedBefore({ teamId: own.team.id, text: STORED, excludeClaimId: stored.claimId })).toEqual([]);
    expect(await findCheckedBefore({ teamId: own.team.id, text: "" })).toEqual([]);
    expect(await findCheckedBefore({ teamId: own.team.id, text: "?!" })).toEqual([]);
  });

  it("answers by the rule, as scoring every claim does: same words first, then the most alike", async () => {
    const own = await createDesk();
    // Claims from identical down to barely alike; some with the same words as a query but other figures.
    const words = STORED.split(" ");
    const texts: string[] = [];
    for (let changed = 0; changed <= words.length; changed++) {
      for (const variant of ["bar", "levy", "quota"]) {
        texts.push(words.map((w, i) => (i < changed ? `${variant}${i}` : w)).join(" "));
      }
    }
    texts.push(
      STORED,
      STORED.replace("2.3", "2.7"),
      "Inflation fell to 3 per cent in the spring",
      "Inflation fell to 3.5 per cent in the spring!",
    );
    const ids = await storeClaims(own, texts, true, false, (i) => (i % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 7)))));
    // Not candidates: another team's copy, and the team's own copies without a verdict.
    await storeClaims(desk, [STORED, STORED]);
    await storeClaims(own, [STORED, words.slice(1).join(" ")], false);

    const queries = [
      STORED,
      words.slice(0, 8).join(" "),
      words.map((w, i) => (i % 3 === 0 ? w.toUpperCase() : w)).join(" "),
      words.map((w, i) => (i % 2 === 0 ? "zz" : w)).join(" "),
      "Inflation fell to 4 per cent in the spring",
    ];
    for (const text of queries) {
      for (const limit of [1, 3, 5, 40]) {
        const found = await findCheckedBefore({ teamId: own.team.id, text, limit });
        expect(
          found.map((m) => [m.claimId, m.similarity]),
          `${text} (limit ${limit})`,
        ).toEqual(await expectedAnswer(own.team.id, text, limit));
      }
      const excluded = ids[ids.length - 4]!;
      expect(
        (await findCheckedBefore({ teamId: own.team.id, text, excludeClaimId: excluded })).map((m) => [m.claimId, m.similarity]),
      ).toEqual(await expectedAnswer(own.team.id, text, 3, excluded));
    }
  });

  it("puts the latest verdict on the same words before an older one on a more alike text", async () => {
    const own = await createDesk();
    const [older, newer, other] = await storeClaims(
      own,
      [
        STORED,
        "The UK currently spends around 2.5 per cent of gross national product on defence.",
        "The UK currently spends around 2.3 per cent of gross domestic product on defence",
      ],
      true,
      false,
      (i) => new Date(Date.UTC(2026, i === 1 ? 5 : 0, 1)),
    );
    const [first] = await findCheckedBefore({ teamId: own.team.id, text: STORED, limit: 1 });
    expect(first!.claimId).toBe(newer);
    const all = await findCheckedBefore({ teamId: own.team.id, text: STORED });
    expect(all.map((m) => m.claimId)).toEqual([older, newer, other]);
    expect(all[0]!.similarity).toBe(1);
    expect((await findCheckedBeforeEach({ teamId: own.team.id, texts: [STORED] }))[0]!.claimId).toBe(newer);
  });

  it("lists equally alike claims by id", async () => {
    const own = await createDesk();
    // Stored in descending id order, so insertion order is not the id order.
    const ids = await storeClaims(own, [STORED, STORED, STORED, STORED, STORED], true, true);
    const found = await findCheckedBefore({ teamId: own.team.id, text: STORED.toLowerCase(), limit: 3 });
    expect(found.map((m) => m.claimId)).toEqual([...ids].sort().slice(0, 3));
  });

  it("follows verdicts given and taken away, whichever way they are written", async () => {
    const own = await createDesk();
    const text = "Nurses' pay rose by 5.5 per cent in real terms over the last parliament";
    const [withoutVerdict] = await storeClaims(own, [text], false);
    expect(await findCheckedBefore({ teamId: own.team.id, text })).toEqual([]);
    await testDb().claim.update({
      where: { id: withoutVerdict! },
      data: { verdictOrdinal: 1, verdictLabel: "False", verdictKey: "false" },
    });
    expect((await findCheckedBefore({ teamId: own.team.id, text })).map((m) => m.claimId)).toEqual([withoutVerdict]);
    await testDb().claim.update({ where: { id: withoutVerdict! }, data: { verdictOrdinal: null, verdictLabel: null, verdictKey: null } });
    expect(await findCheckedBefore({ teamId: own.team.id, text })).toEqual([]);
    const viaApp = await claimWithVerdict(own, text);
    expect((await findCheckedBefore({ teamId: own.team.id, text })).map((m) => m.claimId)).toEqual([viaApp.claimId]);
    await testDb().claim.update({ where: { id: viaApp.claimId }, data: { exact: "Something else entirely was said here" } });
    expect(await findCheckedBefore({ teamId: own.team.id, text })).toEqual([]);
  });

  it("leaves the similarity threshold of the caller's transaction as it was", async () => {
    const own = await createDesk();
    await storeClaims(own, [STORED]);
    const shown = await db.$transaction(async (tx) => {
      const before = await tx.$queryRaw<{ t: string }[]>`SELECT current_setting('pg_trgm.similarity_threshold') AS t`;
      await tx.$queryRaw`SELECT * FROM factdesk_checked_before(${own.team.id}, ${"Nothing alike at all, zebra quagga"}, '', 3)`;
      const after = await tx.$queryRaw<{ t: string }[]>`SELECT current_setting('pg_trgm.similarity_threshold') AS t`;
      return [before[0]!.t, after[0]!.t];
    });
    expect(shown[1]).toBe(shown[0]);
  });
});

describe("findCheckedBeforeEach", () => {
  it("answers per text, in order, as findCheckedBefore with limit 1", async () => {
    const own = await createDesk();
    const other = "Crime in London fell by a fifth between 2010 and 2020, the Met says";
    await storeClaims(own, [STORED, other, STORED.replace("2.3", "2.4")]);
    const texts = [STORED.replace("2.3", "2.5"), "Nothing of the kind", other.toUpperCase(), "", STORED];
    const each = await findCheckedBeforeEach({ teamId: own.team.id, texts });
    expect(each).toHaveLength(texts.length);
    for (const [i, text] of texts.entries()) {
      const [single] = await findCheckedBefore({ teamId: own.team.id, text, limit: 1 });
      expect(each[i], text).toEqual(single ?? null);
    }
    expect(each.map((m) => m !== null)).toEqual([true, false, true, false, true]);
    expect(await findCheckedBeforeEach({ teamId: own.team.id, texts: [] })).toEqual([]);
  });
});
