// Deterministic inputs for the benchmarks: a long article and claim ranges over it.
import { readSampleArticle } from "../prisma/sample-article";

/** The sample article's paragraphs repeated (numbered, so each copy differs) to at least `minLength` characters. */
export function buildLongArticle(minLength: number): string {
  const paragraphs = readSampleArticle().body.split("\n\n");
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < minLength; i++) {
    const paragraph = `${paragraphs[i % paragraphs.length]} [${i}]`;
    out.push(paragraph);
    length += paragraph.length + 2;
  }
  return out.join("\n\n");
}

/**
 * mulberry32, a small seeded PRNG: the same `seed` (any integer; taken modulo 2^32) always gives the same numbers in
 * [0, 1), so every run measures the same claims and a fitted model comes out the same byte for byte.
 */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchRange = { start: number; end: number; overlaps: boolean };

/** `count` claims on word boundaries inside paragraphs; about one in five overlaps or nests in the previous one. */
export function pickClaimRanges(body: string, count: number, seed = 42): BenchRange[] {
  const random = mulberry32(seed);
  const ranges: BenchRange[] = [];
  const step = Math.floor(body.length / count);
  for (let i = 0; i < count; i++) {
    const previous = ranges[ranges.length - 1];
    const overlap = previous !== undefined && random() < 0.2;
    let start = overlap ? previous.start + Math.floor((previous.end - previous.start) / 2) : i * step + Math.floor(random() * step * 0.3);
    while (start > 0 && body[start - 1] !== " " && body[start - 1] !== "\n") start--;
    let end = Math.min(body.length, start + 40 + Math.floor(random() * 80));
    const paragraphEnd = body.indexOf("\n\n", start);
    if (paragraphEnd !== -1 && end > paragraphEnd) end = paragraphEnd;
    while (end < body.length && body[end] !== " " && body[end] !== "\n" && end - start < 200) end++;
    if (end - start < 3) end = Math.min(body.length, start + 10);
    ranges.push({ start, end, overlaps: overlap });
  }
  return ranges;
}
