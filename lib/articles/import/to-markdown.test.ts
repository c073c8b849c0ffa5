import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArticleText, splitParagraphs } from "@/lib/anchoring/normalize";
import { canonicalHref, type ArticleBlocks, type BlockKind } from "@/lib/articles/blocks";
import { articleToMarkdown, importArticle } from "./index";

const roundTrip = (body: string, blocks: ArticleBlocks | null) =>
  importArticle({ format: "markdown", content: articleToMarkdown(body, blocks) });

// Words that are Markdown syntax somewhere, plus ordinary text and tricky Unicode.
const TOKENS = [
  "word",
  "Ünïcode",
  "中文",
  "😀",
  "e\u0301",
  "'quoted'",
  "“curly”",
  "—",
  "1.",
  "2)",
  "10.",
  "-",
  "+",
  "*",
  "_",
  "**bold**",
  "_em_",
  "`code`",
  "```",
  "~~",
  "#",
  "##",
  "# x",
  ">",
  "<",
  "<b>",
  "</p>",
  "<!--",
  "-->",
  "&",
  "&amp;",
  "&#65;",
  "&copy;",
  "\\",
  "\\*",
  "[",
  "]",
  "[a](b)",
  "![x](y)",
  "[ref]:",
  "http://x.org",
  "<https://a.b>",
  "www.a.com",
  "a@b.co",
  "|",
  "---",
  "===",
  "***",
  "!",
  ")",
  "(",
  ":",
  '"',
  "{",
  "}",
  "$",
  "%",
  "^",
  "@",
  "~",
];
const paragraphText = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(" ", ""), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + gaps[i]).join("")),
  )
  .map((text) => normalizeArticleText(text))
  .filter((text) => text !== "" && !text.includes("\n"));

const HREFS = [
  "https://example.com/a",
  "http://x.org/a(b)c?q=1&r=2#frag",
  "mailto:desk@example.org",
  "https://exämple.com/ü path",
  "https://a.b/&amp;<x>",
  "https://a.b/[x]|{y}`^",
];
const href = fc.constantFrom(...HREFS).map((h) => canonicalHref(h)!);

const kind = fc.constantFrom<BlockKind>("p", "h2", "h3", "li", "quote");

/** A normalised body with random structure and links that start and end on non-space characters. */
const article = fc
  .array(
    fc.record({
      text: paragraphText,
      kind,
      ordered: fc.boolean(),
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
      hrefs: fc.tuple(href, href),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((paragraphs) => {
    const body = paragraphs.map((p) => p.text).join("\n\n");
    const blocks: ArticleBlocks = { paragraphs: [], links: [] };
    splitParagraphs(body).forEach((paragraph, i) => {
      const spec = paragraphs[i]!;
      blocks.paragraphs.push(spec.kind === "li" ? { kind: "li", ordered: spec.ordered } : { kind: spec.kind });
      // Candidate link boundaries: code point boundaries next to non-space characters.
      const points: number[] = [];
      for (let j = 0; j <= paragraph.text.length; j++) {
        const low = paragraph.text.charCodeAt(j);
        if (low >= 0xdc00 && low <= 0xdfff) continue;
        points.push(j);
      }
      const chosen = [...new Set(spec.cuts.map((c) => points[c % points.length]!))].sort((a, b) => a - b);
      for (let k = 0; k + 1 < chosen.length; k += 2) {
        let start = chosen[k]!;
        let end = chosen[k + 1]!;
        while (start < end && paragraph.text[start] === " ") start++;
        while (end > start && paragraph.text[end - 1] === " ") end--;
        if (end > start) blocks.links.push({ start: paragraph.start + start, end: paragraph.start + end, href: spec.hrefs[k / 2]! });
      }
    });
    return { body, blocks };
  });

describe("articleToMarkdown", () => {
  it("reads back as exactly the same body and structure (property)", () => {
    fc.assert(
      fc.property(article, ({ body, blocks }) => {
        const back = roundTrip(body, blocks);
        expect(back.body).toBe(body);
        expect(back.blocks).toEqual(blocks);
      }),
      { numRuns: 400 },
    );
  });

  it("writes headings, lists, quotes and links as Markdown a person can edit", () => {
    const body =
      "Jobs report\n\nUnemployment fell to 4%, the ONS said.\n\nFirst point\n\nSecond point\n\nStep one\n\nIt was “the best year”.";
    const blocks: ArticleBlocks = {
      paragraphs: [
        { kind: "h2" },
        { kind: "p" },
        { kind: "li", ordered: false },
        { kind: "li", ordered: false },
        { kind: "li", ordered: true },
        { kind: "quote" },
      ],
      links: [{ start: body.indexOf("ONS"), end: body.indexOf("ONS") + 3, href: "https://www.ons.gov.uk/" }],
    };
    const markdown = articleToMarkdown(body, blocks);
    expect(markdown).toBe(
      "## Jobs report\n\nUnemployment fell to 4%, the [ONS](<https://www.ons.gov.uk/>) said.\n\n- First point\n- Second point\n\n1. Step one\n\n> It was “the best year”.",
    );
    expect(roundTrip(body, blocks)).toMatchObject({ body, blocks });
  });

  it("escapes text that Markdown would read as syntax", () => {
    const body =
      "1. Not a list\n\n# Not a heading\n\n- Not a bullet\n\n<script>alert(1)</script> is text\n\n*Not emphasis* and [not](a link) &amp;";
    const markdown = articleToMarkdown(body, null);
    expect(markdown).toContain("1\\. Not a list");
    expect(markdown).toContain("\\# Not a heading");
    expect(markdown).toContain("\\<script>");
    const back = roundTrip(body, null);
    expect(back.body).toBe(body);
    expect(back.blocks.paragraphs.every((p) => p.kind === "p")).toBe(true);
    expect(back.blocks.links).toEqual([]);
  });

  it("treats missing structure as plain paragraphs", () => {
    expect(articleToMarkdown("One.\n\nTwo.", null)).toBe("One.\n\nTwo.");
  });
});
