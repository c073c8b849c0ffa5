// Test data for the highlight property tests (highlight-modeller.test.ts, patch-highlights.test.ts): one short
// article with a heading, list items, a link and characters that need escaping, and random claims on it.
import fc from "fast-check";
import type { ArticleBlocks } from "@/lib/articles/blocks";

/** The article's text: four paragraphs, 250-odd characters. */
export const BODY = [
  "The UK currently spends around 2.3 per cent of gross national product on defence, he said.",
  "Sir Keir Starmer has called for the US to provide a “backstop” to deter Russia.",
  "A <b>bold</b> claim & an 'apostrophe' \"quoted\".",
  "Short one.",
].join("\n\n");

/** Its structure: a heading, a paragraph, two list items, one link (character offsets into BODY). */
export const BLOCKS: ArticleBlocks = {
  paragraphs: [{ kind: "h2" }, { kind: "p" }, { kind: "li", level: 0 }, { kind: "li", level: 0 }],
  links: [{ start: 95, end: 120, href: "https://example.org/a?b=1&c=2" }],
} as unknown as ArticleBlocks;

/** Claim statuses the highlights colour differently. */
export const STATUSES = ["unreviewed", "in_review", "verdict_proposed", "verified"];

/** A random claim on BODY: `start`/`end` character offsets (1–60 long, inside the text), a status and a verdict. */
export const claimArb = fc
  .tuple(
    fc.nat({ max: BODY.length - 1 }),
    fc.integer({ min: 1, max: 60 }),
    fc.constantFrom(...STATUSES),
    fc.constantFrom(null, "true", "false"),
  )
  .map(([start, length, status, verdict]) => ({ start, end: Math.min(BODY.length, start + length), status, verdict }));
