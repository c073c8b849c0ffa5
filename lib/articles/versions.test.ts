import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffTexts } from "@/lib/articles/versions";
import { readSampleArticle } from "@/prisma/sample-article";

const join = (parts: { kind: string; text: string }[], drop: string) =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join("");

describe("diffTexts", () => {
  const sample = readSampleArticle().body;
  const p = sample.split("\n\n");

  it("shows an inserted paragraph as one addition and an edited one word by word", () => {
    const after = [
      "Update: corrected on Tuesday.",
      p[0]!.replace("Sir Keir Starmer has called for", "The prime minister urged"),
      ...p.slice(1),
    ].join("\n\n");
    const { parts, stats } = diffTexts(sample, after);
    expect(parts.slice(0, 3)).toEqual([
      { kind: "added", text: "Update: corrected on Tuesday.\n\n" },
      { kind: "removed", text: "Sir Keir Starmer has called for" },
      { kind: "added", text: "The prime minister urged" },
    ]);
    expect(stats).toEqual({ added: 4 + 4, removed: 6 });
  });

  it("shows a deleted paragraph as one removal", () => {
    const { parts } = diffTexts(sample, [...p.slice(0, 2), ...p.slice(3)].join("\n\n"));
    expect(parts.filter((x) => x.kind !== "same")).toEqual([{ kind: "removed", text: `\n\n${p[2]}` }]);
  });

  it("gives up word by word on a huge reordered paragraph and shows it removed and added, rebuilding both texts", () => {
    // Same words, reversed: every word moves, the worst case for a word diff of this length.
    const words = Array.from({ length: 20_000 }, (_, i) => `word${i % 997}`);
    const long = words.join(" ");
    const reordered = [...words].reverse().join(" ");
    const before = [p[0]!, long, p[1]!].join("\n\n");
    const after = [p[0]!, reordered, p[1]!].join("\n\n");
    const { parts, stats } = diffTexts(before, after);
    expect(join(parts, "added")).toBe(before);
    expect(join(parts, "removed")).toBe(after);
    expect(parts.filter((x) => x.kind !== "same")).toEqual([
      { kind: "removed", text: long },
      { kind: "added", text: reordered },
    ]);
    expect(stats).toEqual({ added: 20_000, removed: 20_000 });
  });

  // Found by the property below (seed 1340447677): diffWords put the space before "vel" into
  // the unchanged part, so the old text came back as "vestibulum ".
  it("keeps spaces on the side they belong to when words are appended", () => {
    const before = "vestibulum\n\nsed";
    const after = "vestibulum vel\n\nsed";
    const { parts } = diffTexts(before, after);
    expect(join(parts, "added")).toBe(before);
    expect(join(parts, "removed")).toBe(after);
  });

  it("always rebuilds both texts exactly", () => {
    const paragraph = fc.oneof(
      fc.constantFrom(...p.slice(0, 8)),
      fc.lorem({ maxCount: 12 }).filter((s) => s.trim() !== ""),
    );
    const text = fc.array(paragraph, { minLength: 1, maxLength: 8 }).map((ps) => ps.join("\n\n"));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const { parts } = diffTexts(before, after);
        expect(join(parts, "added")).toBe(before);
        expect(join(parts, "removed")).toBe(after);
      }),
      { numRuns: 300 },
    );
  });
});
