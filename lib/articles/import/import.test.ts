import { describe, expect, it } from "vitest";
import { normalizeArticleText } from "@/lib/anchoring/normalize";
import { readSampleArticle } from "@/prisma/sample-article";
import { AppError } from "@/lib/http/errors";
import { MAX_BODY_CHARS, MAX_IMPORT_BYTES, importArticle } from "./index";

function importError(input: Parameters<typeof importArticle>[0]): AppError {
  try {
    importArticle(input);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the import to fail");
}

describe("importArticle: plain text", () => {
  it("normalises exactly as existing bodies are", () => {
    const raw = "  First\u00a0paragraph,\r\nstill first.\n\n\n Second “quoted” paragraph.\t\n \nThird\uFEFF.";
    const result = importArticle({ format: "text", content: raw });
    expect(result.body).toBe(normalizeArticleText(raw));
    expect(result.body).toBe("First paragraph, still first.\n\nSecond “quoted” paragraph.\n\nThird.");
    expect(result.blocks).toEqual({ paragraphs: [{ kind: "p" }, { kind: "p" }, { kind: "p" }], links: [] });
    expect(result.title).toBeNull();
  });

  it("gives the sample article the same body the seed stores", () => {
    const sample = readSampleArticle();
    expect(importArticle({ format: "text", content: sample.body }).body).toBe(sample.body);
  });
});

describe("importArticle: Markdown", () => {
  const markdown = [
    "# Jobs figures checked",
    "",
    "The minister said *unemployment* fell by **40%** last year, [says the ONS](https://www.ons.gov.uk/jobs).",
    "",
    "## What we found",
    "",
    "- Figures come from the Labour Force Survey",
    "- The fall was 4%",
    "",
    "1. First step",
    "2. Second step",
    "",
    "> It was the largest drop on record.",
    "",
    "### Sources",
    "",
    "Contact [the desk](mailto:desk@example.org).",
  ].join("\n");

  it("reads the title from a leading # heading and the structure from the rest", () => {
    const result = importArticle({ format: "markdown", content: markdown });
    expect(result.title).toBe("Jobs figures checked");
    expect(result.body.split("\n\n")).toEqual([
      "The minister said unemployment fell by 40% last year, says the ONS.",
      "What we found",
      "Figures come from the Labour Force Survey",
      "The fall was 4%",
      "First step",
      "Second step",
      "It was the largest drop on record.",
      "Sources",
      "Contact the desk.",
    ]);
    expect(result.blocks.paragraphs).toEqual([
      { kind: "p" },
      { kind: "h2" },
      { kind: "li", ordered: false },
      { kind: "li", ordered: false },
      { kind: "li", ordered: true },
      { kind: "li", ordered: true },
      { kind: "quote" },
      { kind: "h3" },
      { kind: "p" },
    ]);
    const texts = result.blocks.links.map((l) => [result.body.slice(l.start, l.end), l.href]);
    expect(texts).toEqual([
      ["says the ONS", "https://www.ons.gov.uk/jobs"],
      ["the desk", "mailto:desk@example.org"],
    ]);
  });

  it("keeps relative and unsafe links as plain text", () => {
    const result = importArticle({ format: "markdown", content: "See [the notes](/notes) and [this](javascript:alert(1))." });
    expect(result.body).toBe("See the notes and this.");
    expect(result.blocks.links).toEqual([]);
  });
});

describe("importArticle: HTML", () => {
  const page = `<!doctype html><html><head>
    <title>Fallback title</title>
    <meta property="og:title" content="Budget claims checked">
    <meta name="author" content="Sam Reporter">
    <meta name="description" content="What the council said, and what its accounts show.">
    <meta property="article:published_time" content="2026-11-20T08:30:00Z">
  </head><body>
    <header><nav><a href="/">Home</a></nav></header>
    <article>
      <p>The council said its budget&nbsp;grew by 12&nbsp;per cent,
         the largest rise since 2010, according to <a href="https://example.org/a?x=1&amp;y=2">its statement</a>.</p>
      <h3>Detail</h3>
      <p>First line<br>same paragraph<br><br>a new paragraph</p>
      <ol><li><p>One</p></li><li>Two <b>bold</b></li></ol>
      <blockquote>Quoted words.</blockquote>
    </article>
  </body></html>`;

  it("extracts title, byline, date, standfirst and structure", () => {
    const result = importArticle({ format: "html", content: page });
    expect(result.title).toBe("Budget claims checked");
    expect(result.byline).toBe("Sam Reporter");
    expect(result.publishedAt?.toISOString()).toBe("2026-11-20T08:30:00.000Z");
    expect(result.standfirst).toBe("What the council said, and what its accounts show.");
    expect(result.body.split("\n\n")).toEqual([
      "The council said its budget grew by 12 per cent, the largest rise since 2010, according to its statement.",
      "Detail",
      "First line",
      "same paragraph",
      "a new paragraph",
      "One",
      "Two bold",
      "Quoted words.",
    ]);
    expect(result.blocks.paragraphs.map((p) => p.kind)).toEqual(["p", "h3", "p", "p", "p", "li", "li", "quote"]);
    // One <br> keeps the line break (a line of the same paragraph); two in a row start a new paragraph.
    expect(result.blocks.paragraphs.slice(2, 5)).toEqual([{ kind: "p" }, { kind: "p", line: true }, { kind: "p" }]);
    expect(result.blocks.links).toHaveLength(1);
    const [link] = result.blocks.links;
    expect(result.body.slice(link!.start, link!.end)).toBe("its statement");
    expect(link!.href).toBe("https://example.org/a?x=1&y=2");
  });

  it("takes a bare fragment as the article", () => {
    const result = importArticle({ format: "html", content: "<p>Only a paragraph.</p><ul><li>and an item</li></ul>" });
    expect(result.body).toBe("Only a paragraph.\n\nand an item");
    expect(result.blocks.paragraphs).toEqual([{ kind: "p" }, { kind: "li", ordered: false }]);
  });
});

describe("importArticle: limits and empty input", () => {
  it.each(["text", "html", "markdown"] as const)("refuses empty %s with a clear message", (format) => {
    const error = importError({ format, content: " \n\t " });
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/nothing to import/i);
    expect(error.fields?.content).toBeDefined();
  });

  it("refuses HTML with no text in it", () => {
    const error = importError({ format: "html", content: "<script>alert(1)</script><img src=x>" });
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/no article text/i);
  });

  it("refuses input over the size limit", () => {
    const error = importError({ format: "text", content: "a".repeat(MAX_IMPORT_BYTES + 1) });
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/2 MB/);
  });

  it("counts the limit in bytes, not characters", () => {
    // 700,000 three-byte characters are 2.1 MB.
    expect(importError({ format: "text", content: "€".repeat(700_000) }).message).toMatch(/2 MB/);
  });

  it("refuses a body over the character limit", () => {
    const words = "word ".repeat(MAX_BODY_CHARS / 5 + 10);
    expect(importError({ format: "text", content: words }).message).toMatch(/limit is 300,000/);
  });

  it("drops control characters and lone surrogates", () => {
    expect(importArticle({ format: "text", content: "a\u0000b\u0007c \ud800d" }).body).toBe("abc \uFFFDd");
  });
});
