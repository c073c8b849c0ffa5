import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArticleText, splitParagraphs } from "./normalize";
import { anyText, normalizedBody, rawText } from "./testing";
import { WHITESPACE_CLASS } from "./whitespace";

const WHITESPACE = new RegExp(`[${WHITESPACE_CLASS}]`, "g");
// Non-empty paragraphs of non-whitespace words joined by single spaces, joined by "\n\n".
const WORD = `[^${WHITESPACE_CLASS}]+`;
const PARAGRAPH = `${WORD}(?: ${WORD})*`;
const CANONICAL = new RegExp(`^(?:${PARAGRAPH}(?:\\n\\n${PARAGRAPH})*)?$`);

describe("normalizeArticleText", () => {
  it.each([
    ["Windows line endings", "One\r\n\r\nTwo\r\nlines", "One\n\nTwo lines"],
    ["old Mac line endings", "One\r\rTwo", "One\n\nTwo"],
    ["a single newline inside a paragraph", "Half\nway", "Half way"],
    ["tabs and runs of spaces", "a \t  b\t\tc", "a b c"],
    ["no-break and thin spaces", "10\u00a0000 and 5\u2009% and \u202fx", "10 000 and 5 % and x"],
    ["ideographic space", "中\u3000文", "中 文"],
    ["leading and trailing whitespace", "  \n\n  text \n \n", "text"],
    ["several blank lines", "a\n\n\n\n\nb", "a\n\nb"],
    ["blank lines holding only spaces", "a\n \t\u00a0\nb", "a\n\nb"],
    ["unicode line separator", "a\u2028b", "a b"],
    ["unicode paragraph separator", "a\u2029b", "a\n\nb"],
    ["next line (U+0085)", "a\u0085b\u0085\u0085c", "a b\n\nc"],
    ["byte-order mark", "\uFEFFHello", "Hello"],
    ["U+FEFF inside a word, without splitting it", "foo\uFEFFbar", "foobar"],
    ["decomposed accents to NFC", "Cafe\u0301", "Café"],
    ["a combining mark that meets its letter once U+FEFF is gone", "e\uFEFF\u0301", "é"],
    ["empty input", "", ""],
    ["whitespace only", " \n\n\t\r\n\u00a0 ", ""],
  ])("handles %s", (_name, raw, expected) => {
    expect(normalizeArticleText(raw)).toBe(expected);
  });

  it("keeps a zero-width space, which is not whitespace but a word-break hint", () => {
    expect(normalizeArticleText("long\u200bword")).toBe("long\u200bword");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(rawText, anyText), (raw) => {
        const once = normalizeArticleText(raw);
        expect(normalizeArticleText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("produces the canonical shape: NFC, single spaces, paragraphs joined by exactly \\n\\n", () => {
    fc.assert(
      fc.property(fc.oneof(rawText, anyText), (raw) => {
        const out = normalizeArticleText(raw);
        expect(out).toMatch(CANONICAL);
        expect(out.normalize("NFC")).toBe(out);
        expect(out).not.toContain("\uFEFF");
      }),
      { numRuns: 500 },
    );
  });

  it("changes only whitespace (after NFC and dropping U+FEFF)", () => {
    fc.assert(
      fc.property(fc.oneof(rawText, anyText), (raw) => {
        const visible = (s: string) => s.replace(WHITESPACE, "");
        const expected = visible(raw.replace(/\uFEFF/g, "").normalize("NFC"));
        expect(visible(normalizeArticleText(raw))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves an already normalised body untouched", () => {
    fc.assert(
      fc.property(normalizedBody, (body) => {
        expect(normalizeArticleText(body)).toBe(body);
      }),
    );
  });
});

describe("splitParagraphs", () => {
  it("returns no paragraphs for an empty body", () => {
    expect(splitParagraphs("")).toEqual([]);
  });

  it("returns one paragraph for a body without breaks", () => {
    expect(splitParagraphs("Just one.")).toEqual([{ text: "Just one.", start: 0 }]);
  });

  it("gives each paragraph its offset in the body", () => {
    expect(splitParagraphs("First one.\n\nSecond.\n\n😀 third")).toEqual([
      { text: "First one.", start: 0 },
      { text: "Second.", start: 12 },
      { text: "😀 third", start: 21 },
    ]);
  });

  it("round-trips: each paragraph sits at its offset and joining gives the body back", () => {
    fc.assert(
      fc.property(fc.oneof(rawText.map(normalizeArticleText), normalizedBody), (body) => {
        const paragraphs = splitParagraphs(body);
        expect(paragraphs.map((p) => p.text).join("\n\n")).toBe(body);
        for (const p of paragraphs) {
          expect(body.slice(p.start, p.start + p.text.length)).toBe(p.text);
          expect(p.text).not.toContain("\n");
          expect(p.text).not.toBe("");
        }
      }),
      { numRuns: 300 },
    );
  });
});
