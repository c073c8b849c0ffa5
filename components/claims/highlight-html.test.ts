import { describe, expect, it } from "vitest";
import { escapeHtml, renderHighlightedHtml, type HighlightClaim } from "@/components/claims/highlight-html";

const unescape = (html: string) =>
  html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

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
      '<p data-start="0" class="article-p">' +
        '<span class="hl" data-ids="outer" data-status="verdict_proposed" data-verdict="misleading">The UK currently spends around </span>' +
        '<span class="hl" data-ids="outer inner" data-status="in_review" data-overlap="2" data-end-status="in_review" data-active="">2.3 per cent</span>' +
        '<span class="hl" data-ids="outer" data-status="verdict_proposed" data-verdict="misleading" data-end-status="verdict_proposed"> of gross national product on defence</span>' +
        ".</p>",
    );
  });

  it("keeps paragraph offsets so selections map back to the body", () => {
    const body = "First paragraph.\n\nSecond one.";
    expect(renderHighlightedHtml(body, [], null)).toBe('<p data-start="0" class="article-p">First paragraph.</p><p data-start="18" class="article-p">Second one.</p>');
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
      '<p data-start="0" class="article-p">' +
        '<span class="hl" data-ids="c" data-status="unreviewed" data-end-status="unreviewed">Spending</span>' +
        '<span class="sg" data-suggestion="s1"> rose to 2.5 per cent of GDP</span>' +
        " last year.</p>",
    );
  });
});
