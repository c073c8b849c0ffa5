// Adding a claim on the article page (createClaimAction → createClaimView): the add reads the article's text to check
// the claim's target, and the panel's claim read loaded the same text again for the claimant suggestion: ~100 KB read
// twice per add (~3.5 ms at 100 KB). Counted on the wire (scripts/lib/statement-counter.ts): statements and the bytes
// PostgreSQL sends, never times.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStatementCounter, type StatementCounter } from "@/scripts/lib/statement-counter";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { targetFor } from "@/lib/claims/test-helpers";

let counter: StatementCounter;
let desk: Awaited<ReturnType<typeof createDesk>>;
const CLAIM = "Bus fares rose by 12 per cent last year";
// ~100 KB of text, the claim in the middle.
const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i} says nothing anyone would check at all today.`).join("\n\n");
const BODY = `${filler(800)}\n\n${CLAIM}, Councillor Priya Raman said on Monday.\n\n${filler(800)}`;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  counter = await startStatementCounter(Number(url.port));
  url.port = String(counter.port);
  // lib/db makes its client from DATABASE_URL when first imported: through the counter, for this file only.
  process.env.DATABASE_URL = url.toString();
  desk = await createDesk();
}, 60_000);

afterAll(async () => {
  const { db, priorityDb } = await import("@/lib/db");
  await Promise.all([db.$disconnect(), priorityDb.$disconnect(), testDb().$disconnect()]);
  await counter.close();
});

describe("adding a claim and answering its panel", () => {
  it("reads the article's text once, in no more statements", async () => {
    const { createClaimView } = await import("@/lib/claims/claim-view");
    const article = await createArticle(desk.team.id, { body: BODY });
    const add = () => createClaimView({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(BODY, CLAIM) });
    await add(); // connections open, statements prepared
    const [statements, bytes] = [counter.count(), counter.received()];
    const view = await add();
    const sent = counter.received() - bytes;
    expect(view.claim.exact).toBe(CLAIM);
    expect(view.checkedBefore).toBe("later");
    // The claimant suggestion still comes from the text: the sentence says who.
    expect(view.claim.claimantSuggestion).toBe("Priya Raman");
    expect(BODY.length).toBeGreaterThan(90_000);
    expect(sent).toBeLessThan(BODY.length * 1.5);
    expect(counter.count() - statements).toBeLessThanOrEqual(4);
  });
});
