import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArticleText, splitParagraphs } from "@/lib/anchoring/normalize";
import { canonicalHref, type ArticleBlocks, type BlockKind, type ParagraphBlock } from "@/lib/articles/blocks";
import { canonicalBlocks } from "@/lib/articles/block-structure";
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

type Unit = { block: ParagraphBlock & { sourceStart?: number }; text: string };

const lines = fc.array(paragraphText, { minLength: 1, maxLength: 3 });
/** One piece of structure: a paragraph or quote with lines, a heading, a caption, a list item, <pre> lines or a table. */
const unit: fc.Arbitrary<Unit[]> = fc.oneof(
  fc
    .tuple(fc.constantFrom<BlockKind>("p", "quote", "pre"), lines)
    .map(([kind, texts]) => texts.map((text, i) => ({ block: i > 0 ? { kind, line: true as const } : { kind }, text }))),
  fc.tuple(fc.constantFrom<BlockKind>("h2", "h3", "caption"), paragraphText).map(([kind, text]) => [{ block: { kind }, text }]),
  fc
    .record({ text: paragraphText, ordered: fc.boolean(), level: fc.nat(3), start: fc.option(fc.nat(12), { nil: undefined }) })
    .map(({ text, ordered, level, start }) => [{ block: { kind: "li" as const, ordered, level, sourceStart: start }, text }]),
  fc
    .uniqueArray(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 1, maxLength: 6, selector: ([r, c]) => `${r},${c}` })
    .chain((cells) => fc.array(paragraphText, { minLength: cells.length, maxLength: cells.length }).map((texts) => ({ cells, texts })))
    .map(({ cells, texts }) =>
      [...cells]
        .sort(([r1, c1], [r2, c2]) => r1 - r2 || c1 - c2)
        .map(([row, col], i) => ({
          // Markdown's pipe tables have one header row, row 0.
          block: {
            kind: "cell" as const,
            row,
            col,
            ...(row === 0 ? { head: true as const } : {}),
            ...(i === 0 ? { newTable: true as const } : {}),
          },
          text: texts[i]!,
        })),
    ),
);

/** A normalised body with random structure (canonical, as the importer writes it) and links that start and end on non-space characters. */
const article = fc
  .array(unit, { minLength: 1, maxLength: 6 })
  .chain((units) => {
    const flat = units.flat();
    return fc
      .array(fc.record({ cuts: fc.array(fc.nat(), { maxLength: 4 }), hrefs: fc.tuple(href, href) }), {
        minLength: flat.length,
        maxLength: flat.length,
      })
      .map((links) => {
        const canonical = canonicalBlocks(flat.map((u) => u.block));
        return flat.map((u, i) => ({ text: u.text, block: canonical[i]!, ...links[i]! }));
      });
  })
  .map((paragraphs) => {
    const body = paragraphs.map((p) => p.text).join("\n\n");
    const blocks: ArticleBlocks = { paragraphs: [], links: [] };
    splitParagraphs(body).forEach((paragraph, i) => {
      const spec = paragraphs[i]!;
      blocks.paragraphs.push(spec.block);
      if (spec.block.kind === "pre") return; // preformatted text holds no links
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
