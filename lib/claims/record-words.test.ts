import { describe, expect, it } from "vitest";
import { proposedInWords } from "@/lib/claims/record-words";

const ana = { id: "u1", name: "Ana" };
const ben = { id: "u2", name: "Ben" };
const at = "2026-01-01T00:00:00.000Z";

describe("proposedInWords", () => {
  it("names both reviewers of an agreement, whoever else wrote, settled or imported the verdict", () => {
    expect(proposedInWords({ by: ben, at, verdict: "True", via: "agreed", checkedBy: [ana, ben] })).toBe(
      "Agreed in double review by Ana and Ben",
    );
    expect(proposedInWords({ by: ana, at, verdict: "True", via: "written", checkedBy: [ana] })).toBe("Proposed by Ana");
    expect(proposedInWords({ by: ben, at, verdict: "True", via: "settled", checkedBy: [ben] })).toBe("Settled after a dispute by Ben");
    expect(proposedInWords({ by: ana, at, verdict: "True", via: "imported", checkedBy: [] })).toBe("Imported by Ana");
  });
});
