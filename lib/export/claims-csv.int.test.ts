import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { AppError } from "@/lib/http/errors";
import { CLAIMS_CSV_HEADER, exportClaimsCsv } from "@/lib/export/claims-csv";
import { PHRASES, SECRETS, seedFactCheck, type Desk } from "@/lib/publish/test-helpers";
import { agreeInDoubleReview, importVerdict } from "@/lib/claims/record-fixture";
import { parseCsv } from "@/lib/export/test-helpers";

let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
  await seedFactCheck(desk);
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("claims CSV", () => {
  it("has one row per claim with status, verdict, explanation, assignees and evidence URLs", async () => {
    const { csv, filename } = await exportClaimsCsv({ articleId: desk.article.id, userId: desk.viewer.id });
    expect(filename).toMatch(/^claims-us-must-provide-backstop.*\.csv$/);
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(CLAIMS_CSV_HEADER.join(","));
    expect(lines).toHaveLength(6);
    const verified = lines.find((l) => l.includes(PHRASES.verified))!;
    expect(verified).toContain(",Verified,Mostly true,");
    expect(verified).toContain(`,${desk.reviewer.name}; ${desk.reviewer2.name},`);
    expect(verified).toContain("https://www.gov.uk/defence-spending; https://www.nato.int/cps/en/natohq/topics_49198.htm");
    expect(verified).toContain(",MoD figures put 2024 spending at 2.3% of GDP; GNP differs slightly.,");
    // Members see proposed verdicts on the desk, so the CSV has them; private double-review verdicts never.
    expect(csv).toContain(SECRETS.proposed);
    expect(csv).not.toContain(SECRETS.review);
  });

  it("is a 404 for another team", async () => {
    const intruder = await createUser((await createTeam()).id, "admin", "intruder");
    const error = await exportClaimsCsv({ articleId: desk.article.id, userId: intruder.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
  });
});

describe("who the CSV says gave a verdict", () => {
  /** The verdict_by and verdict_via cells of claim `claimId`'s row in the article's CSV. */
  async function byAndVia(reader: Desk, articleId: string, claimId: string) {
    const [header, ...rows] = parseCsv((await exportClaimsCsv({ articleId, userId: reader.viewer.id })).csv);
    const row = rows.find((r) => r[0] === claimId)!;
    return { by: row[header!.indexOf("verdict_by")], via: row[header!.indexOf("verdict_via")] };
  }

  it("is the record's: both reviewers of an agreement, the author of a written verdict, and 'imported' by the importer", async () => {
    const own = await createDesk();
    const agreed = await agreeInDoubleReview(own, [own.reviewer, own.reviewer2], PHRASES.verified);
    const imported = await importVerdict(own, own.editor, PHRASES.plain);
    const written = await testDb().claim.findFirstOrThrow({ where: { articleId: own.article.id, exact: PHRASES.plain } });

    expect(await byAndVia(own, own.article.id, agreed)).toEqual({ by: `${own.reviewer.name}; ${own.reviewer2.name}`, via: "agreed" });
    expect(await byAndVia(own, own.article.id, written.id)).toEqual({ by: own.reviewer.name, via: "written" });
    expect(await byAndVia(own, imported.articleId, imported.claimId)).toEqual({ by: own.editor.name, via: "imported" });
  });
});
