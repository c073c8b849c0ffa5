// The public report lists the evidence the editor signed off (README, Publishing): a source added later waits for
// the next sign-off. Editing or removing a signed-off source went straight to the published report instead: the
// reviewer who added it could swap its link, title and stance ("Supports" → "Contradicts") on a verified claim, and
// readers saw the new source under the old sign-off, with no correction note. A verified claim's evidence is now
// locked like its verdict: an editor reopens the claim first (with a public note once the report is out).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { testDb } from "@/e2e/fixtures/factories";
import { addEvidence } from "@/lib/claims/evidence";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { editEvidence, removeEvidence, restoreEvidence } from "@/lib/evidence/edit-evidence";
import { getPublicReport } from "@/lib/publish/report";
import { publishedFactCheck, type Desk } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";
const SIGNED_OFF = { url: "https://www.gov.uk/defence-spending", title: "Defence departmental resources 2024", stance: "supports" };

let desk: Desk;
let claimId: string;

beforeAll(async () => {
  ({ desk, claimId } = await publishedFactCheck());
});
afterAll(async () => {
  await testDb().$disconnect();
});

async function publicSources() {
  const report = await getPublicReport({ articleId: desk.article.id, baseUrl: BASE });
  return report?.claims.find((c) => c.id === claimId)?.evidence.map(({ url, title, stance }) => ({ url, title, stance }));
}

const signedOff = () =>
  testDb().evidence.findFirstOrThrow({ where: { claimId, url: SIGNED_OFF.url }, select: { id: true, version: true } });

describe("evidence of a verified claim on a published report", () => {
  it("cannot be edited, removed or restored until an editor reopens the claim; readers keep seeing what was signed off", async () => {
    const before = await publicSources();
    expect(before).toContainEqual(SIGNED_OFF);
    const evidence = await signedOff();

    const swap = editEvidence({
      userId: desk.reviewer.id,
      evidenceId: evidence.id,
      version: evidence.version,
      url: "https://elsewhere.example/other-figures",
      title: "Another source",
      excerpt: "",
      stance: "contradicts",
      sourceType: "secondary",
      retrievedAt: new Date("2026-11-20"),
    });
    expect(await outcomeOf(swap)).toBe("conflict");
    expect(await outcomeOf(removeEvidence({ userId: desk.editor.id, evidenceId: evidence.id }))).toBe("conflict");
    expect(await publicSources()).toEqual(before);
    expect(
      await testDb().auditEvent.count({ where: { entityId: evidence.id, action: { in: ["evidence.edited", "evidence.removed"] } } }),
    ).toBe(0);
  });

  it("can change again once the claim is reopened (with its public note), and a source removed before the sign-off stays off the report", async () => {
    const added = await addEvidence({
      userId: desk.reviewer.id,
      claimId,
      url: "https://example.org/later",
      title: "Added after the sign-off",
      excerpt: "",
      stance: "context",
      sourceType: "secondary",
      retrievedAt: new Date("2026-11-25"),
    });
    // Removal of a source that was never signed off is the desk's own business, and so is bringing it back, but
    // only while the claim is open: restoring it onto a verified claim would put it on the report unsigned.
    await setClaimStatus({
      userId: desk.editor.id,
      claimId,
      status: "verdict_proposed",
      confirmCorrection: { note: "Re-checking the sources." },
    });
    await removeEvidence({ userId: desk.reviewer.id, evidenceId: added.id });
    await setClaimStatus({ userId: desk.admin.id, claimId, status: "verified" });
    expect(await outcomeOf(restoreEvidence({ userId: desk.reviewer.id, evidenceId: added.id }))).toBe("conflict");
    expect((await publicSources())?.map((e) => e.url)).not.toContain("https://example.org/later");
  });
});
