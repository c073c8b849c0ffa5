// Inputs to POST /api/v1/articles/:id/claims the selection rules once let through (found in review, stop 33).
import { describe, expect, it } from "vitest";
import { checkTarget, targetToStore } from "./selectors";
import { unstorableText } from "@/lib/validation/fields";

describe("claims on invisible text", () => {
  // U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+00AD SOFT HYPHEN, U+FEFF: not White_Space, so isBlank says no,
  // and a claim is stored on a quote nobody can see or click (its highlight has no width).
  it.each(["\u200B", "\u2060", "\u00AD", "\uFEFF", "\u200B\u200C\u200D"])("refuses a quote of only %j", (invisible) => {
    const body = `Growth was 4%${invisible}in May.`;
    const result = targetToStore(body, { quote: { exact: invisible, prefix: "", suffix: "" }, position: null });
    expect(result.ok).toBe(false);
  });
});

describe("refusal messages quote whole characters", () => {
  // A prefix whose length reaches into the middle of an emoji: the message quotes the article from half the emoji on,
  // a lone surrogate (shown as �, and not storable anywhere the message is kept).
  it("does not cut an astral character in half when quoting the text before a selection", () => {
    const body = "x😀abc def";
    const result = checkTarget(body, { quote: { exact: "abc", prefix: "Q", suffix: "" }, position: { start: 3, end: 6 } });
    expect(result.ok).toBe(false);
    expect(unstorableText(result.ok ? "" : result.reason)).toBeNull();
  });

  it("does not cut an astral character in half when quoting the text after a selection", () => {
    const body = "abc😀x def";
    const result = checkTarget(body, { quote: { exact: "abc", prefix: "", suffix: "Q" }, position: { start: 0, end: 3 } });
    expect(result.ok).toBe(false);
    expect(unstorableText(result.ok ? "" : result.reason)).toBeNull();
  });
});
