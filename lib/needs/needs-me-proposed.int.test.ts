// Needs me says how each verdict waiting for a sign-off came about, in the verdict card's words and from the same
// record (lib/claims/record.ts): both reviewers of an agreed double review (not the second alone, whose answer wrote
// the verdict row), the editor who settled a dispute, and "Imported by" for a verdict nobody here checked. The
// records of all the listed claims are read in one statement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { installLoggedDb } from "@/e2e/fixtures/logged-db";

const statements: string[] = [];
// lib/db's client and pool report every statement here; everything that imports lib/db is imported after this.
const logged = installLoggedDb((query) => statements.push(query));

const { PHRASES } = await import("@/lib/publish/test-helpers");
const { listNeedsMe } = await import("@/lib/needs/needs-me");
const { agreeInDoubleReview, importVerdict, settleDispute } = await import("@/lib/claims/record-fixture");
const { createClaim } = await import("@/lib/claims/create-claim");
const { setClaimVerdict } = await import("@/lib/claims/update-claim");
const { targetFor } = await import("@/lib/claims/test-helpers");

let desk: Awaited<ReturnType<typeof createDesk>>;
const ids: Record<"agreed" | "settled" | "written" | "imported" | "unrecorded", string> = {
  agreed: "",
  settled: "",
  written: "",
  imported: "",
  unrecorded: "",
};

beforeAll(async () => {
  desk = await createDesk();
  ids.agreed = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.verified);
  ids.settled = await settleDispute(desk, PHRASES.unverifiable);
  const written = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, PHRASES.proposed),
  });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: written.id, verdict: "false", explanation: "No such call." });
  ids.written = written.id;
  ids.imported = (await importVerdict(desk, desk.editor, PHRASES.doubleReview)).claimId;
  // A verdict with no audit trail behind it (written before the record was kept): named by the claim row's author.
  const bare = await testDb().claim.create({
    data: {
      articleId: desk.article.id,
      exact: PHRASES.plain,
      prefix: "",
      suffix: "",
      start: 0,
      end: PHRASES.plain.length,
      status: "verdict_proposed",
      verdictOrdinal: 5,
      verdictLabel: "True",
      verdictExplanation: "Announced.",
      verdictById: desk.reviewer2.id,
      verdictAt: new Date(),
      createdById: desk.reviewer2.id,
      updatedById: desk.reviewer2.id,
    },
  });
  ids.unrecorded = bare.id;
});
afterAll(async () => {
  await logged.$disconnect();
  await testDb().$disconnect();
});

describe("Needs me's verdicts to sign off", () => {
  it("say how each verdict came about and who checked it, as the verdict card does", async () => {
    const needs = await listNeedsMe({ userId: desk.admin.id, teamId: desk.team.id });
    const shown = Object.fromEntries(
      Object.entries(ids).map(([how, id]) => [how, needs.items.find((i) => i.kind === "sign_off" && i.claimId === id)?.detail]),
    );
    expect(shown).toEqual({
      agreed: `Agreed in double review by ${desk.reviewer.name} and ${desk.reviewer2.name}`,
      settled: `Settled after a dispute by ${desk.editor.name}`,
      written: `Proposed by ${desk.reviewer.name}`,
      imported: `Imported by ${desk.editor.name}`,
      unrecorded: `Proposed by ${desk.reviewer2.name}`,
    });
  });

  it("read the records of all listed claims in one statement", async () => {
    statements.length = 0;
    const needs = await listNeedsMe({ userId: desk.admin.id, teamId: desk.team.id });
    expect(needs.items.filter((i) => i.kind === "sign_off")).toHaveLength(5);
    expect(statements.filter((sql) => /"AuditEvent"/.test(sql))).toHaveLength(1);
  });
});
