// Text made to make re-anchoring slow: one character repeated, and a claim made of it. Every position is then an
// occurrence of the quote (or nearly one), and anything that costs the quote's length per occurrence blocks the
// server's event loop for minutes. Nothing here measures time: each test has a timeout far beyond what linear work
// needs, which the old code (indexOf from each occurrence, approximate starts searched for at every position) ran
// past many times over.
import { describe, expect, it } from "vitest";
import { reanchorClaim, reanchorClaims } from "./index";

const N = 1_000_000;
const TIMEOUT_MS = 10_000;
const text = "a".repeat(N);

describe("re-anchoring on hostile text stays linear", () => {
  it.each([
    ["made of the text's character", "a".repeat(64)],
    ["one letter off it", "a".repeat(63) + "b"],
  ])(
    "a claim %s, whose old place is gone, is offered a few places",
    (_name, exact) => {
      // The old text had one more character in front, and the claim's offsets now point past the end.
      const result = reanchorClaim("b" + text, text, {
        id: "c",
        quote: { exact, prefix: "", suffix: "" },
        position: { start: N, end: N + 64 },
      });
      expect(result.candidates.length).toBeGreaterThan(0);
      expect(result.candidates.length).toBeLessThanOrEqual(3);
    },
    TIMEOUT_MS,
  );

  it(
    "claims with long stored context are scored on the 32 characters next to them",
    () => {
      const claims = Array.from({ length: 10 }, (_, i) => ({
        id: String(i),
        quote: { exact: "a".repeat(600), prefix: "a".repeat(1000), suffix: "a".repeat(1000) },
        position: { start: N + i, end: N + i + 600 },
      }));
      const results = reanchorClaims("b" + text, text, claims);
      expect(results).toHaveLength(10);
    },
    TIMEOUT_MS,
  );
});
