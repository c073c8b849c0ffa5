import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { AppError } from "@/lib/http/errors";
import { CLAIMS_CSV_HEADER, exportClaimsCsv } from "@/lib/export/claims-csv";
import { PHRASES, SECRETS, seedFactCheck, type Desk } from "@/lib/publish/test-helpers";

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
