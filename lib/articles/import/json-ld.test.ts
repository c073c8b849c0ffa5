import { describe, expect, it } from "vitest";
import { importArticle } from "./index";
import { jsonLdArticle } from "./json-ld";

const page = (ld: string) => `<!doctype html><html><head><title>T</title>
<script type="application/ld+json">${ld}</script></head><body><article><h1>Headline</h1>
<p>The council said its budget grew by 12 per cent, the largest rise since 2010, according to its statement.</p></article></body></html>`;

describe("schema.org Article JSON-LD", () => {
  it("gives the byline, standfirst and date of an HTML import", () => {
    const result = importArticle({
      format: "html",
      content: page(
        JSON.stringify({
          "@context": "https://schema.org",
          "@graph": [
            { "@type": "WebSite", name: "Example" },
            {
              "@type": ["NewsArticle"],
              headline: "Budget claims checked",
              description: "What the council said, and what its accounts show.",
              author: [
                { "@type": "Person", name: "Sam Reporter" },
                { "@type": "Person", name: "Ada Editor" },
              ],
              datePublished: "2026-11-20T08:30:00Z",
            },
          ],
        }),
      ),
    });
    expect(result.byline).toBe("Sam Reporter, Ada Editor");
    expect(result.standfirst).toBe("What the council said, and what its accounts show.");
    expect(result.publishedAt?.toISOString()).toBe("2026-11-20T08:30:00.000Z");
  });

  it("skips malformed blocks and pages without an article", () => {
    expect(jsonLdArticle(page("{ not json"))).toBeNull();
    expect(jsonLdArticle(page(JSON.stringify({ "@type": "Organization", name: "X" })))).toBeNull();
    expect(jsonLdArticle(page(JSON.stringify({ "@type": "Article", author: "Jo Smith", datePublished: "soon" })))).toEqual({
      headline: null,
      description: null,
      author: "Jo Smith",
      datePublished: null,
    });
  });
});
