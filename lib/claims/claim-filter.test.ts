import { describe, expect, it } from "vitest";
import {
  filterClaims,
  matchesClaimFilter,
  NO_CLAIM_FILTER,
  readClaimFilter,
  writeClaimFilter,
  type FilterableClaim,
} from "@/lib/claims/claim-filter";
import { splitTagFilters } from "@/lib/search/search";

const claim = (over: Partial<FilterableClaim> = {}): FilterableClaim => ({
  status: "unreviewed",
  verdict: null,
  anchorStatus: "attached",
  assigneeIds: [],
  tags: [],
  overdue: false,
  ...over,
});

describe("the claim list's filter", () => {
  it("reads a URL leniently: unknown values are dropped, other keys ignored", () => {
    // A verdict is any well-formed rating key (the team's scale may have added it); a malformed one is dropped.
    const filter = readClaimFilter(
      new URLSearchParams("status=in_review,bogus&verdict=Not%20a%20key!&tag=%20Budget%20&overdue=1&disputed=yes&claim=c1"),
    );
    expect(filter).toEqual({ ...NO_CLAIM_FILTER, status: ["in_review"], tag: "Budget", overdue: true });
  });

  it("writes only its own keys and keeps the rest of the URL", () => {
    const query = writeClaimFilter(
      { ...NO_CLAIM_FILTER, status: ["verified", "disputed"], tag: "Public health", reanchor: true },
      "claim=c1&tag=old&overdue=1",
    );
    expect(new URLSearchParams(query).get("claim")).toBe("c1");
    expect(readClaimFilter(new URLSearchParams(query))).toEqual({
      ...NO_CLAIM_FILTER,
      status: ["verified", "disputed"],
      tag: "Public health",
      reanchor: true,
    });
    expect(writeClaimFilter(NO_CLAIM_FILTER, "tag=x&status=verified")).toBe("");
  });

  it("finds a verdict's rating on the team's scale: by its stored key, else by its label, else by its value", () => {
    const scale = [
      { key: "true", ordinal: 5, label: "True", colour: "#1a7f37", noRating: false },
      { key: "half-true", ordinal: 3, label: "Half true", colour: "#ffd500", noRating: false },
      { key: "misleading", ordinal: 3, label: "Misleading", colour: "#b7791f", noRating: false },
    ];
    const half = claim({ verdict: { key: "half-true", label: "Half true", ordinal: 3 } });
    // Given when the rating was called "Partly true": the stored key still finds it after the rename.
    const renamed = claim({ verdict: { key: "half-true", label: "Partly true", ordinal: 3 } });
    const old = claim({ verdict: { key: "misleading", label: "Misleading", ordinal: 3 } });
    // A key the scale no longer has: the label decides.
    const gone = claim({ verdict: { key: "mostly-misleading", label: "Half true", ordinal: 3 } });
    const filter = { ...NO_CLAIM_FILTER, verdict: "half-true" };
    expect(filterClaims([half, renamed, old, gone], filter, "u1", scale)).toEqual([half, renamed, gone]);
    expect(filterClaims([half, renamed, old, gone], { ...filter, verdict: "misleading" }, "u1", scale)).toEqual([old]);
    // Without a scale, the stored key decides.
    expect(filterClaims([half, renamed, old, gone], { ...filter, verdict: "misleading" }, "u1")).toEqual([old]);
  });

  it("keeps a claim only when every condition holds", () => {
    const tagged = claim({ status: "in_review", tags: [{ name: "Budget" }], assigneeIds: ["u1"], overdue: true });
    expect(matchesClaimFilter(tagged, { ...NO_CLAIM_FILTER, tag: "BUDGET", status: ["in_review"], assignee: "me" }, "u1")).toBe(true);
    expect(matchesClaimFilter(tagged, { ...NO_CLAIM_FILTER, tag: "budget", assignee: "me" }, "u2")).toBe(false);
    expect(matchesClaimFilter(tagged, { ...NO_CLAIM_FILTER, tag: "health" }, "u1")).toBe(false);
    expect(matchesClaimFilter(tagged, { ...NO_CLAIM_FILTER, verdict: "none", overdue: true }, "u1")).toBe(true);
    expect(matchesClaimFilter(tagged, { ...NO_CLAIM_FILTER, verdict: "false" }, "u1")).toBe(false);
    expect(matchesClaimFilter(claim({ status: "disputed" }), { ...NO_CLAIM_FILTER, disputed: true }, "u1")).toBe(true);
    expect(matchesClaimFilter(claim(), { ...NO_CLAIM_FILTER, disputed: true }, "u1")).toBe(false);
    expect(filterClaims([claim(), claim({ anchorStatus: "orphaned" })], { ...NO_CLAIM_FILTER, reanchor: true }, "u1")).toHaveLength(1);
  });
});

describe("tag: in a search query", () => {
  it("comes out as tag keys, with quoted names, leaving the words", () => {
    expect(splitTagFilters('budget tag:Transport -cuts TAG:"Public  Health"')).toEqual({
      text: "budget -cuts",
      tags: ["transport", "public health"],
    });
    expect(splitTagFilters("tag:a tag:A")).toEqual({ text: "", tags: ["a"] });
    expect(splitTagFilters("hashtag:x")).toEqual({ text: "hashtag:x", tags: [] });
  });
});
