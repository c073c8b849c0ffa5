import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONTEXT_LENGTH,
  MAX_CLAIM_LENGTH,
  checkTarget,
  describeRange,
  splitsSurrogatePair,
  targetToStore,
  trimRange,
  type ClaimTarget,
  type SentTarget,
} from "./selectors";
import { isWellFormed, normalizedBody } from "./testing";

const BODY =
  "The minister said unemployment fell by 40% last year, the largest drop on record.\n\n" +
  "Critics disputed the figure. 😀 Official statistics show a fall of 4%.";

function target(start: number, end: number): ClaimTarget {
  return describeRange(BODY, start, end);
}

function withQuote(t: ClaimTarget, quote: Partial<ClaimTarget["quote"]>): ClaimTarget {
  return { ...t, quote: { ...t.quote, ...quote } };
}

function withPosition(t: ClaimTarget, position: Partial<ClaimTarget["position"]>): ClaimTarget {
  return { ...t, position: { ...t.position, ...position } };
}

/** A body with a valid, non-blank range inside it. */
const bodyAndRange = normalizedBody.chain((body) =>
  fc
    .tuple(fc.nat({ max: body.length }), fc.nat({ max: body.length }))
    .map(([a, b]) => ({ body, start: Math.min(a, b), end: Math.max(a, b) })),
);

describe("describeRange", () => {
  it("takes 32 characters of context on each side in the middle of a text", () => {
    const start = BODY.indexOf("unemployment");
    const end = BODY.indexOf(" the largest");
    const t = target(start, end);
    expect(t.position).toEqual({ start, end });
    expect(t.quote.exact).toBe("unemployment fell by 40% last year,");
    expect(t.quote.prefix).toBe("The minister said ");
    expect(t.quote.suffix).toBe(" the largest drop on record.\n\nCr");
    expect(t.quote.suffix).toHaveLength(CONTEXT_LENGTH);
  });

  it("clips the prefix at the start and the suffix at the end of the text", () => {
    expect(describeRange("Short text.", 0, 5).quote).toEqual({ exact: "Short", prefix: "", suffix: " text." });
    expect(describeRange("Short text.", 6, 11).quote).toEqual({ exact: "text.", prefix: "Short ", suffix: "" });
  });

  it("takes a full 32-character prefix when the text allows it", () => {
    const body = "x".repeat(50) + "CLAIM" + "y".repeat(50);
    const t = describeRange(body, 50, 55);
    expect(t.quote.prefix).toBe("x".repeat(32));
    expect(t.quote.suffix).toBe("y".repeat(32));
  });

  it("does not cut an emoji in half at the edge of the context", () => {
    // The 32-unit window would start/end between the two halves of 😀.
    const body = "😀" + "a".repeat(31) + "CLAIM" + "b".repeat(31) + "😀";
    const t = describeRange(body, 33, 38);
    expect(t.quote.exact).toBe("CLAIM");
    expect(t.quote.prefix).toBe("a".repeat(31));
    expect(t.quote.suffix).toBe("b".repeat(31));
  });

  it("describes an empty range (which checkTarget then rejects)", () => {
    expect(describeRange("abc", 1, 1).quote).toEqual({ exact: "", prefix: "a", suffix: "bc" });
  });

  it.each([
    [-1, 2],
    [2, 1],
    [0, 4],
    [0.5, 2],
    [0, Number.NaN],
    [0, Number.POSITIVE_INFINITY],
  ])("throws a RangeError for the invalid range [%s, %s)", (start, end) => {
    expect(() => describeRange("abc", start, end)).toThrow(RangeError);
  });

  it("always yields well-formed context of at most 32 units that sits right around the quote", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), fc.nat(), fc.nat(), (body, a, b) => {
        const start = a % (body.length + 1);
        const end = start + (b % (body.length - start + 1));
        const { quote } = describeRange(body, start, end);
        expect(quote.exact).toBe(body.slice(start, end));
        expect(body.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
        expect(body.slice(end, end + quote.suffix.length)).toBe(quote.suffix);
        expect(quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(quote.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        // Shorter only when clipped by the text's ends or to keep a surrogate pair whole.
        expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(start, CONTEXT_LENGTH - 1));
        expect(quote.suffix.length).toBeGreaterThanOrEqual(Math.min(body.length - end, CONTEXT_LENGTH - 1));
        // Context never creates a lone surrogate that was not already in the body.
        if (isWellFormed(body) && !splitsSurrogatePair(body, start) && !splitsSurrogatePair(body, end)) {
          expect(isWellFormed(quote.prefix)).toBe(true);
          expect(isWellFormed(quote.suffix)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkTarget", () => {
  const start = BODY.indexOf("unemployment");
  const end = start + "unemployment fell by 40%".length;
  const good = target(start, end);

  it("accepts what describeRange produces", () => {
    expect(checkTarget(BODY, good)).toEqual({ ok: true });
  });

  it("accepts a claim that spans a paragraph break", () => {
    const from = BODY.indexOf("record.");
    const to = BODY.indexOf(" disputed");
    expect(checkTarget(BODY, target(from, to))).toEqual({ ok: true });
  });

  it("accepts a claim that starts at the very beginning and one that ends at the very end", () => {
    expect(checkTarget(BODY, target(0, 3))).toEqual({ ok: true });
    expect(checkTarget(BODY, target(BODY.length - 3, BODY.length))).toEqual({ ok: true });
  });

  it("accepts a claim made of an emoji alone", () => {
    const at = BODY.indexOf("😀");
    expect(checkTarget(BODY, target(at, at + 2))).toEqual({ ok: true });
  });

  it.each<[string, Partial<ClaimTarget["position"]>, string]>([
    ["a fractional start", { start: 1.5 }, "The selection's start and end must be whole numbers."],
    ["a NaN end", { end: Number.NaN }, "The selection's start and end must be whole numbers."],
    ["an infinite end", { end: Number.POSITIVE_INFINITY }, "The selection's start and end must be whole numbers."],
    ["an empty range", { start: 5, end: 5 }, "The selection is empty."],
    ["an inverted range", { start: 9, end: 5 }, "The selection ends before it starts."],
    ["a negative start", { start: -1 }, "The selection lies outside the article text."],
    ["an end past the text", { end: BODY.length + 1 }, "The selection lies outside the article text."],
  ])("rejects %s", (_name, position, reason) => {
    expect(checkTarget(BODY, withPosition(good, position))).toEqual({ ok: false, reason });
  });

  it("rejects a quote that is not text (e.g. a malformed stored row)", () => {
    const broken = JSON.parse(JSON.stringify({ ...good, quote: { ...good.quote, exact: null } })) as ClaimTarget;
    expect(checkTarget(BODY, broken)).toEqual({ ok: false, reason: "The selection's quote must be text." });
  });

  it("rejects text that is not at that position, saying what the article has there", () => {
    expect(checkTarget(BODY, withQuote(good, { exact: "unemployment rose by 40%" }))).toEqual({
      ok: false,
      reason: `The selected text does not match the article at that position: at ${start}–${end} the article has “unemployment fell by 40%”.`,
    });
  });

  it("rejects a target whose offsets moved but whose quote did not (an edited article)", () => {
    expect(checkTarget(BODY, withPosition(good, { start: start + 1, end: end + 1 }))).toMatchObject({
      ok: false,
      reason: `The selected text does not match the article at that position: at ${start + 1}–${end + 1} the article has “nemployment fell by 40% ”.`,
    });
  });

  it("quotes no more than 60 characters of the article in a message", () => {
    const long = BODY.indexOf("Critics");
    const sent = withQuote(target(0, long), { exact: "x" + BODY.slice(1, long) });
    const reason = (checkTarget(BODY, sent) as { reason: string }).reason;
    expect(reason).toContain(`the article has “${BODY.slice(0, 60)}…”`);
  });

  it("rejects a wrong prefix and a wrong suffix, each with its own reason and what the article has", () => {
    expect(checkTarget(BODY, withQuote(good, { prefix: "The ministry said " }))).toEqual({
      ok: false,
      reason: "The text just before the selection does not match the article: the article has “The minister said ” before it.",
    });
    expect(checkTarget(BODY, withQuote(good, { suffix: " last month" }))).toEqual({
      ok: false,
      reason: "The text just after the selection does not match the article: the article has “ last year,” after it.",
    });
    expect(checkTarget(BODY, withQuote(good, { prefix: "x".repeat(100) + "The minister said " }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("the article has “The minister said ” before it"),
    });
  });

  it("accepts a prefix and suffix of any length that agree with the text, none at all included", () => {
    for (const length of [0, 1, 5, 17, CONTEXT_LENGTH, 40, 80]) {
      const prefix = BODY.slice(Math.max(0, start - length), start);
      const suffix = BODY.slice(end, end + length);
      expect(checkTarget(BODY, withQuote(good, { prefix, suffix })), `${length} characters`).toEqual({ ok: true });
      expect(checkTarget(BODY, withQuote(good, { prefix, suffix: "" }))).toEqual({ ok: true });
      expect(checkTarget(BODY, withQuote(good, { prefix: "", suffix }))).toEqual({ ok: true });
    }
  });

  it("rejects a selection of only whitespace", () => {
    const at = BODY.indexOf("\n\n");
    expect(checkTarget(BODY, target(at, at + 2))).toEqual({
      ok: false,
      reason: "The selection contains only spaces, line breaks or invisible characters.",
    });
  });

  it("rejects a selection that cuts an emoji in half", () => {
    const at = BODY.indexOf("😀");
    expect(checkTarget(BODY, target(at + 1, at + 5))).toEqual({
      ok: false,
      reason: "The selection starts or ends in the middle of a character.",
    });
    expect(checkTarget(BODY, target(at - 3, at + 1))).toMatchObject({ ok: false });
  });

  it(`allows exactly ${MAX_CLAIM_LENGTH} characters and no more`, () => {
    const body = "word ".repeat(500).trim() + "!";
    expect(body.length).toBeGreaterThan(MAX_CLAIM_LENGTH);
    expect(checkTarget(body, describeRange(body, 0, MAX_CLAIM_LENGTH))).toEqual({ ok: true });
    expect(checkTarget(body, describeRange(body, 0, MAX_CLAIM_LENGTH + 1))).toEqual({
      ok: false,
      reason: "A claim can be at most 2,000 characters long; this selection is 2,001.",
    });
  });

  it("accepts every non-blank range of a normalised body as described, and survives a JSON round trip", () => {
    fc.assert(
      fc.property(bodyAndRange, ({ body, start, end }) => {
        const t = describeRange(body, start, end);
        const blank = body.slice(start, end).trim() === "";
        const splits = splitsSurrogatePair(body, start) || splitsSurrogatePair(body, end);
        fc.pre(!blank && !splits && end - start <= MAX_CLAIM_LENGTH);
        expect(checkTarget(body, t)).toEqual({ ok: true });
        expect(checkTarget(body, JSON.parse(JSON.stringify(t)) as ClaimTarget)).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });

  it("accepts a changed exact, prefix or suffix exactly when the text still reads so there", () => {
    fc.assert(
      fc.property(
        bodyAndRange,
        fc.constantFrom("exact", "prefix", "suffix"),
        fc.string({ maxLength: 4 }),
        ({ body, start, end }, field, extra) => {
          const t = describeRange(body, start, end);
          fc.pre(checkTarget(body, t).ok);
          const changed = withQuote(t, { [field]: field === "prefix" ? (extra || "x") + t.quote.prefix : t.quote[field] + (extra || "x") });
          const { exact, prefix, suffix } = changed.quote;
          const agrees =
            body.slice(start, end) === exact &&
            start >= prefix.length &&
            body.slice(start - prefix.length, start) === prefix &&
            body.slice(end, end + suffix.length) === suffix;
          expect(checkTarget(body, changed).ok).toBe(agrees);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("trimRange", () => {
  const body = "Alpha beta.\n\nGamma delta.";

  it("drops spaces a reader dragged over at either end", () => {
    expect(trimRange(body, 5, 11)).toEqual({ start: 6, end: 11 }); // " beta."
    expect(trimRange("a  word  b", 1, 8)).toEqual({ start: 3, end: 7 });
  });

  it("drops a paragraph break at either end", () => {
    expect(trimRange(body, 6, 13)).toEqual({ start: 6, end: 11 }); // "beta.\n\n"
    expect(trimRange(body, 11, 18)).toEqual({ start: 13, end: 18 }); // "\n\nGamma"
  });

  it("keeps a paragraph break inside the selection: claims may span paragraphs", () => {
    expect(trimRange(body, 6, 18)).toEqual({ start: 6, end: 18 });
  });

  it("leaves an already tight selection alone", () => {
    expect(trimRange(body, 0, body.length)).toEqual({ start: 0, end: body.length });
  });

  it("returns null when nothing but whitespace is selected", () => {
    expect(trimRange(body, 11, 13)).toBeNull();
    expect(trimRange(body, 5, 6)).toBeNull();
  });

  it("returns null for an empty or invalid selection", () => {
    expect(trimRange(body, 3, 3)).toBeNull();
    expect(trimRange(body, 4, 3)).toBeNull();
    expect(trimRange(body, -1, 3)).toBeNull();
    expect(trimRange(body, 0, body.length + 1)).toBeNull();
    expect(trimRange(body, 0.5, 3)).toBeNull();
  });

  it("trims any Unicode whitespace, not just spaces and newlines", () => {
    expect(trimRange("\u00a0\u2009word\u3000\t", 0, 8)).toEqual({ start: 2, end: 6 });
  });

  it("returns the tightest sub-range that keeps all the non-whitespace", () => {
    fc.assert(
      fc.property(bodyAndRange, ({ body, start, end }) => {
        const range = trimRange(body, start, end);
        const selected = body.slice(start, end);
        if (selected.trim() === "") {
          expect(range).toBeNull();
          return;
        }
        expect(range).not.toBeNull();
        const { start: s, end: e } = range!;
        expect(s).toBeGreaterThanOrEqual(start);
        expect(e).toBeLessThanOrEqual(end);
        expect(body.slice(s, e)).toBe(selected.trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe("splitsSurrogatePair", () => {
  it("is true only between the two halves of an astral character", () => {
    const text = "a😀b";
    expect([0, 1, 2, 3, 4].map((i) => splitsSurrogatePair(text, i))).toEqual([false, false, true, false, false]);
  });

  it("is false around lone surrogates, which cannot be split further", () => {
    expect(splitsSurrogatePair("\ud83d", 1)).toBe(false);
    expect(splitsSurrogatePair("\ude00\ud83d", 1)).toBe(false);
  });
});

// What W3C clients such as Hypothesis send: a TextQuoteSelector with context of any length or none, with or
// without a TextPositionSelector. What is stored is always the canonical target (describeRange).
describe("targetToStore with targets as W3C clients send them", () => {
  const quoteOnly = (exact: string, prefix = "", suffix = ""): SentTarget => ({ quote: { exact, prefix, suffix }, position: null });
  const stored = (body: string, phrase: string, from = 0) => {
    const at = body.indexOf(phrase, from);
    return { ok: true, target: describeRange(body, at, at + phrase.length) };
  };

  it("stores the canonical target whatever context agreeing with the text was sent", () => {
    const phrase = "Official statistics";
    const at = BODY.indexOf(phrase);
    for (const length of [0, 3, 12, CONTEXT_LENGTH, 45]) {
      const quote = {
        exact: phrase,
        prefix: BODY.slice(Math.max(0, at - length), at),
        suffix: BODY.slice(at + phrase.length).slice(0, length),
      };
      expect(targetToStore(BODY, { quote, position: { start: at, end: at + phrase.length } })).toEqual(stored(BODY, phrase));
      expect(targetToStore(BODY, { quote, position: null })).toEqual(stored(BODY, phrase));
    }
  });

  it("places a quote that occurs once when no position is sent", () => {
    expect(targetToStore(BODY, quoteOnly("disputed the figure"))).toEqual(stored(BODY, "disputed the figure"));
    // The selection rules still apply: whitespace at the ends is trimmed off.
    expect(targetToStore(BODY, quoteOnly("figure. "))).toEqual(stored(BODY, "figure."));
  });

  it("refuses a quote that occurs in several places, saying how many, until a prefix or suffix tells them apart", () => {
    const body = "The rate fell. Then the rate rose. Later the rate fell again.";
    expect(targetToStore(body, quoteOnly("the rate"))).toEqual({
      ok: false,
      reason:
        "The quote matches 2 places in the article: send a prefix or suffix (the text just before or after it), or a TextPositionSelector, to say which one.",
    });
    expect(targetToStore(body, quoteOnly("the rate", "", " f"))).toEqual(stored(body, "the rate", 30));
    expect(targetToStore(body, quoteOnly("the rate", "Then "))).toEqual(stored(body, "the rate"));
    expect(targetToStore(body, quoteOnly("rate", "", " "))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The quote with that prefix and suffix matches 3 places/),
    });
  });

  it("refuses a quote that is not in the article, or not with that prefix or suffix", () => {
    expect(targetToStore(BODY, quoteOnly("unemployment rose"))).toEqual({
      ok: false,
      reason: "The quote “unemployment rose” does not occur in the article.",
    });
    expect(targetToStore(BODY, quoteOnly("unemployment fell", "The ministry said "))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The quote is in the article, but not with that prefix and suffix/),
    });
  });

  it("says what the article has at the position when position and quote disagree", () => {
    const at = BODY.indexOf("40%");
    expect(targetToStore(BODY, { quote: { exact: "4%", prefix: "", suffix: "" }, position: { start: at, end: at + 2 } })).toEqual({
      ok: false,
      reason: `The selected text does not match the article at that position: at ${at}–${at + 2} the article has “40”.`,
    });
  });

  it("counts the places of a quote in a text of one repeated character without reading it once per place", () => {
    const body = "a".repeat(1_000_000);
    expect(targetToStore(body, quoteOnly("a".repeat(2000), "a".repeat(32), "a".repeat(32)))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The quote with that prefix and suffix matches 997,937 places/),
    });
    expect(targetToStore(body + "b", quoteOnly("a".repeat(2000), "", "b"))).toEqual({
      ok: true,
      target: describeRange(body + "b", body.length - 2000, body.length),
    });
  }, 10_000);
});
