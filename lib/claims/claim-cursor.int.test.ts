// Review 25: a claims cursor is decoded by zod and then bound into SQL. A forged cursor whose values pass the zod
// tuple but that PostgreSQL cannot take (year 0000, a start beyond int4) must be the 422 of a cursor the list did not
// give out, not a database error (a 500 on GET /api/v1/articles/{id}/claims?cursor=…).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { AppError } from "@/lib/http/errors";
import { listClaimSummaryPage } from "@/lib/claims/claim-pages";

afterAll(async () => {
  await testDb().$disconnect();
});

let desk: Awaited<ReturnType<typeof createDesk>>;
let articleId: string;
const body = "The rate rose by 3 per cent last year. Unemployment fell to 4 per cent.";

beforeAll(async () => {
  desk = await createDesk();
  articleId = (await createArticle(desk.team.id, { body })).id;
  await testDb().claim.create({
    data: {
      articleId,
      exact: "The rate rose",
      prefix: "",
      suffix: " by 3",
      start: 0,
      end: 13,
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
    },
  });
});

const forge = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString("base64url");

async function outcome(cursor: string): Promise<string> {
  try {
    const page = await listClaimSummaryPage({ articleId, userId: desk.viewer.id, cursor, limit: 5 });
    return `page of ${page.claims.length}`;
  } catch (e) {
    if (e instanceof AppError) return `AppError ${e.status}`;
    return `database error: ${(e as Error).message.slice(0, 120)}`;
  }
}

describe("review 25: forged claim cursors", () => {
  it("a cursor with the year 0000 (passes z.string().datetime()) is a 422, not a database error", async () => {
    expect(await outcome(forge([0, 0, "0000-01-01T00:00:00.000Z", "x"]))).toBe("AppError 422");
  });

  it("a cursor with a start beyond int4 is a 422 or an empty page, not a database error", async () => {
    expect(await outcome(forge([2 ** 31, 0, "2026-01-01T00:00:00.000Z", "x"]))).toMatch(/^(AppError 422|page of 0)$/);
    expect(await outcome(forge([0, 2 ** 40, "2026-01-01T00:00:00.000Z", "x"]))).toMatch(/^(AppError 422|page of \d+)$/);
  });

  it("a cursor whose id holds NUL (JSON \\u0000 passes z.string()) is a 422, not a database error", async () => {
    expect(await outcome(forge([0, 0, "2026-01-01T00:00:00.000Z", "a\u0000b"]))).toBe("AppError 422");
  });
});
