import { describe, expect, it } from "vitest";
import { escapeHtml, renderHighlightedHtml, type HighlightClaim } from "@/components/claims/highlight-html";
import type { ArticleBlocks } from "@/lib/articles/blocks";

const unescape = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

const claim = (id: string, start: number, end: number, status = "unreviewed", verdict: string | null = null): HighlightClaim => ({
  id,
  start,
  end,
  status,
  verdict: verdict ? { key: verdict } : null,
});

describe("renderHighlightedHtml", () => {
  it("escapes everything that comes from the article, so text can never become markup", () => {
    const body = `He wrote <script>alert("x")</script> & <img src=x onerror=alert(1)>\n\nIt's "quoted"`;
    const html = renderHighlightedHtml(body, [claim("a", 3, 30)], null);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
    const paragraphs = html.split("</p>").filter(Boolean).map(unescape);
    expect(paragraphs).toEqual(body.split("\n\n"));
  });

  it("marks overlapping claims with every id, the innermost claim's look, and where each starts", () => {
    const body = "The UK currently spends around 2.3 per cent of gross national product on defence.";
    const outer = claim("outer", 0, 80, "verdict_proposed", "misleading");
    const inner = claim("inner", 31, 43, "in_review");
    const html = renderHighlightedHtml(body, [outer, inner], "inner");
    expect(html).toBe(
      '<p data-start="0" class="article-p" dir="auto">' +
        '<span class="hl" data-ids="outer" data-status="verdict_proposed" data-verdict="misleading" data-starts="outer">The UK currently spends around </span>' +
        '<span class="hl" data-ids="outer inner" data-status="in_review" data-overlap="2" data-end-status="in_review" data-starts="inner" data-depth="2" data-active="">2.3 per cent</span>' +
        '<span class="hl" data-ids="outer" data-status="verdict_proposed" data-verdict="misleading" data-end-status="verdict_proposed"> of gross national product on defence</span>' +
        ".</p>",
    );
  });

  it("shows every depth of nesting and pins a count where claims begin together (issue #19)", () => {
    const body = "approved 4.2 million euros for repairs";
    const html = renderHighlightedHtml(body, [claim("outer", 0, 38), claim("middle", 9, 26), claim("inner", 13, 20)], null);
    const depths = [...html.matchAll(/<span ([^>]*)>([^<]*)<\/span>/g)].map((m) => [m[2], /data-depth="(\d)"/.exec(m[1]!)?.[1] ?? "1"]);
    expect(depths).toEqual([
      ["approved ", "1"],
      ["4.2 ", "2"],
      ["million", "3"],
      [" euros", "2"],
      [" for repairs", "1"],
    ]);
    const twins = renderHighlightedHtml(body, [claim("a", 9, 26), claim("b", 9, 26)], null);
    expect(twins).toContain('data-starts="a b" data-depth="2" data-badge="2 claims" data-pin=""');
  });

  it("keeps paragraph offsets so selections map back to the body", () => {
    const body = "First paragraph.\n\nSecond one.";
    expect(renderHighlightedHtml(body, [], null)).toBe(
      '<p data-start="0" class="article-p" dir="auto">First paragraph.</p><p data-start="18" class="article-p" dir="auto">Second one.</p>',
    );
  });

  it("escapes attribute values too", () => {
    expect(escapeHtml(`"><script>`)).toBe("&quot;&gt;&lt;script&gt;");
  });
});

describe("suggestions", () => {
  it("marks suggestions quietly where no claim is, and lets claims win where they overlap", () => {
    const body = "Spending rose to 2.5 per cent of GDP last year.";
    const html = renderHighlightedHtml(body, [claim("c", 0, 8)], null, [{ id: "s1", start: 0, end: 36 }]);
    expect(html).toBe(
      '<p data-start="0" class="article-p" dir="auto">' +
        '<span class="hl" data-ids="c" data-status="unreviewed" data-end-status="unreviewed" data-starts="c">Spending</span>' +
        '<span class="sg" data-suggestion="s1"> rose to 2.5 per cent of GDP</span>' +
        " last year.</p>",
    );
  });

  it("marks a suggestion the desk has checked before and names the earlier verdict", () => {
    const body = "Spending rose to 2.5 per cent of GDP last year.";
    const html = renderHighlightedHtml(body, [], null, [{ id: "s1", start: 0, end: 36, checkedBefore: { verdict: "Misleading" } }]);
    expect(html).toContain('<span class="sg" data-suggestion="s1" data-checked="" title="Checked before: Misleading">');
  });
});

describe("structure (blocks)", () => {
  const body = "Heading\n\nSee the report for details.\n\nOne\n\nTwo\n\nFirst\n\nA quote.";
  const blocks: ArticleBlocks = {
    paragraphs: [
      { kind: "h2" },
      { kind: "p" },
      { kind: "li", ordered: false },
      { kind: "li", ordered: false },
      { kind: "li", ordered: true },
      { kind: "quote" },
    ],
    links: [{ start: 13, end: 23, href: "https://example.org/report?a=1&b=2" }],
  };

  it("renders headings, lists, quotes and links, every block with its body offset", () => {
    expect(body.slice(13, 23)).toBe("the report");
    expect(renderHighlightedHtml(body, [], null, [], blocks)).toBe(
      '<h2 data-start="0" class="article-h2" dir="auto">Heading</h2>' +
        '<p data-start="9" class="article-p" dir="auto">See <a href="https://example.org/report?a=1&amp;b=2" class="article-a" rel="noopener noreferrer nofollow" target="_blank" draggable="false">the report</a> for details.</p>' +
        '<ul class="article-list"><li data-start="38" class="article-li" dir="auto">One</li><li data-start="43" class="article-li" dir="auto">Two</li></ul>' +
        '<ol class="article-list"><li data-start="48" class="article-li" dir="auto">First</li></ol>' +
        '<blockquote data-start="55" class="article-quote" dir="auto">A quote.</blockquote>',
    );
  });

  it("cuts links at claim boundaries so elements never overlap", () => {
    const html = renderHighlightedHtml(body, [claim("c", 9, 17)], null, [], blocks); // "See the "
    expect(html).toContain(
      '<span class="hl" data-ids="c" data-status="unreviewed" data-starts="c">See </span>' +
        '<a href="https://example.org/report?a=1&amp;b=2" class="article-a" rel="noopener noreferrer nofollow" target="_blank" draggable="false"><span class="hl" data-ids="c" data-status="unreviewed" data-end-status="unreviewed">the </span></a>' +
        '<a href="https://example.org/report?a=1&amp;b=2" class="article-a" rel="noopener noreferrer nofollow" target="_blank" draggable="false">report</a>',
    );
    // Text still concatenates back to the body, block by block.
    const texts = html
      .split(/<\/(?:p|h2|li|blockquote)>/)
      .map(unescape)
      .filter(Boolean);
    expect(texts).toEqual(body.split("\n\n"));
  });

  it("escapes link targets and text, and drops links that are not http(s) or mailto", () => {
    const hostile: ArticleBlocks = {
      paragraphs: [{ kind: "p" }],
      links: [
        { start: 0, end: 4, href: 'https://x.org/"onmouseover="alert(1)' },
        { start: 5, end: 9, href: "javascript:alert(1)" },
      ],
    };
    const html = renderHighlightedHtml("<b>x <i>y", [], null, [], hostile);
    expect(html).toBe(
      '<p data-start="0" class="article-p" dir="auto"><a href="https://x.org/&quot;onmouseover=&quot;alert(1)" class="article-a" rel="noopener noreferrer nofollow" target="_blank" draggable="false">&lt;b&gt;x</a> &lt;i&gt;y</p>',
    );
  });

  it("falls back to plain paragraphs when the structure does not fit the body", () => {
    expect(renderHighlightedHtml("One\n\nTwo", [], null, [], { paragraphs: [{ kind: "h2" }], links: [] })).toBe(
      '<p data-start="0" class="article-p" dir="auto">One</p><p data-start="5" class="article-p" dir="auto">Two</p>',
    );
  });
});
