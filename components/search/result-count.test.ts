import { describe, expect, it } from "vitest";
import { resultCountText } from "@/components/search/SearchResults";

describe("resultCountText", () => {
  it("says the exact count, or a lower bound with a plus when a kind had more matches than the search ranks", () => {
    expect(resultCountText(1, false)).toBe("1 result");
    expect(resultCountText(3, false)).toBe("3 results");
    expect(resultCountText(1000, true)).toBe("1,000+ results");
    expect(resultCountText(null, false)).toBeNull();
  });
});
