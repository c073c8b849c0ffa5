import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_TEXT, describeActivity } from "@/components/claims/ClaimHistory";
import type { ActivityDTO } from "@/lib/audit/list-activity";

const event = (action: string, after: unknown = null): ActivityDTO =>
  ({
    id: "1",
    action,
    after,
    before: null,
    claimId: "c",
    createdAt: "2026-12-01T10:00:00Z",
    actor: { id: "u", name: "Rosa" },
  }) as unknown as ActivityDTO;

// Issue #19: history and activity said `claim.assigned`. Every action written anywhere in lib/ has words.
describe("audit actions in words", () => {
  it("knows every action lib/ records", () => {
    const root = path.join(__dirname, "..", "..", "lib");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && !f.includes("generated") && !f.includes(".test."),
    );
    const actions = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(path.join(root, file), "utf8").matchAll(/\baction: "([a-z_]+\.[a-z_.-]+)"/g)) actions.add(match[1]!);
    }
    expect(actions.size).toBeGreaterThan(20);
    expect([...actions].filter((a) => !(a in ACTION_TEXT))).toEqual([]);
  });

  it("says who was assigned and when it is due, and never shows a raw key", () => {
    expect(describeActivity(event("claim.assigned", { names: ["Rahul"], dueAt: "2026-12-10" }))).toBe("assigned this to Rahul, due 10 Dec");
    expect(describeActivity(event("claim.assigned", { names: ["Rahul", "Ann"], dueAt: null }))).toBe("assigned this to Rahul and Ann");
    expect(describeActivity(event("claim.status", { status: "in_review" }))).toBe("changed the status to in review");
    expect(describeActivity(event("something.new"))).toBe("made a change");
  });
});
