// Hostile HTML: everything that runs code or loads something must be gone from what is stored.
// The browser-side check of the same file is e2e/articles/import.spec.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importArticle } from "./index";

const HOSTILE = readFileSync(path.join(__dirname, "fixtures", "hostile.html"), "utf8");

// Small payloads, each on its own, so one that slips through is named by the failing case.
const PAYLOADS: [string, string][] = [
  ["script", "<p>Safe text one.</p><script>window.__pwned=1</script>"],
  ["img onerror", '<p>Safe text one.<img src=x onerror="window.__pwned=1"></p>'],
  ["body onload", '<body onload="window.__pwned=1"><p>Safe text one.</p></body>'],
  ["svg onload", '<p>Safe text one.</p><svg onload="window.__pwned=1"></svg>'],
  ["svg script", "<p>Safe text one.</p><svg><script>window.__pwned=1</script></svg>"],
  [
    "svg foreignObject",
    '<p>Safe text one.</p><svg><foreignObject><iframe src="javascript:window.__pwned=1"></iframe></foreignObject></svg>',
  ],
  ["iframe srcdoc", '<p>Safe text one.</p><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
  ["math mxss", '<p>Safe text one.</p><math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">'],
  ["style element", "<p>Safe text one.</p><style>p{background:url(javascript:window.__pwned=1)}</style>"],
  ["style attribute", '<p style="background:url(javascript:window.__pwned=1)">Safe text one.</p>'],
  ["base", '<base href="javascript:window.__pwned=1//"><p>Safe text one.</p>'],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1"><p>Safe text one.</p>'],
  ["form action", '<p>Safe text one.</p><form action="javascript:window.__pwned=1"><button>Go</button></form>'],
  ["comment", '<p>Safe text one.<!-- <img src=x onerror="window.__pwned=1"> --></p>'],
  ["noscript mxss", '<p>Safe text one.</p><noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></p></noscript>'],
  ["nested a", '<p>Safe <a href="https://ok.example/"><a href="javascript:window.__pwned=1">text</a> one</a>.</p>'],
  ["object", '<p>Safe text one.</p><object data="javascript:window.__pwned=1"></object>'],
  ["entity javascript", '<p><a href="&#106;&#97;vascript:window.__pwned=1">Safe text one.</a></p>'],
  ["tab javascript", '<p><a href="jav&#x09;ascript:window.__pwned=1">Safe text one.</a></p>'],
  ["newline javascript", '<p><a href="java\nscript:window.__pwned=1">Safe text one.</a></p>'],
  ["data url", '<p><a href="data:text/html,<script>window.__pwned=1</script>">Safe text one.</a></p>'],
  ["vbscript", '<p><a href="VBScript:window.__pwned=1">Safe text one.</a></p>'],
];

function assertClean(result: ReturnType<typeof importArticle>) {
  const stored = JSON.stringify(result);
  expect(stored).not.toMatch(/__pwned|<script|<svg|<iframe|onerror|onload|javascript:|vbscript:|data:text/i);
  for (const link of result.blocks.links) expect(link.href).toMatch(/^(https?:\/\/|mailto:)/);
}

describe("hostile HTML", () => {
  it("keeps the article and none of the payloads from the full page", () => {
    const result = importArticle({ format: "html", content: HOSTILE });
    assertClean(result);
    expect(result.title).toBe("Council budget claims checked");
    expect(result.byline).toBe("Sam Reporter");
    expect(result.body).toContain("The council said its budget grew by 12 per cent this year");
    expect(result.body).toContain("Verdict: the 12 per cent figure is misleading");
    // Escaped markup in the page is text, and stays text.
    expect(result.body).toContain('<b onclick="x">Escaped markup</b> is shown as text');
    expect(result.body).not.toMatch(/svg text payload|iframe fallback text|Home News|Copyright the Desk/);
    expect(result.blocks.paragraphs.some((p) => p.kind === "h2")).toBe(true);
    expect(result.blocks.paragraphs.filter((p) => p.kind === "li")).toHaveLength(3);
    expect(result.blocks.paragraphs.some((p) => p.kind === "quote")).toBe(true);
    expect(result.blocks.links).toEqual([expect.objectContaining({ href: "https://example.org/accounts" })]);
    const link = result.blocks.links[0]!;
    expect(result.body.slice(link.start, link.end)).toBe("the annual accounts");
  });

  it.each(PAYLOADS)("drops %s", (_name, html) => {
    const result = importArticle({ format: "html", content: html });
    expect(result.body.replace(/<script>window.__pwned=1<\/script>/, "")).toContain("Safe");
    // The escaped payload text is allowed only when the source had it as text; these do not.
    expect(JSON.stringify(result)).not.toMatch(/__pwned|onerror|onload|javascript:|vbscript:/i);
    for (const link of result.blocks.links) expect(link.href).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it.each(PAYLOADS)("drops %s inside Markdown", (_name, html) => {
    const result = importArticle({
      format: "markdown",
      content: `Intro paragraph.\n\n${html}\n\n[x](javascript:window.__pwned=1) and <javascript:void(0)>`,
    });
    // The autolink's text stays as text; what matters is that no link or payload survives.
    expect(JSON.stringify(result)).not.toMatch(/__pwned|onerror|onload|vbscript:/i);
    for (const link of result.blocks.links) expect(link.href).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it("keeps the hostile page's text when it arrives as Markdown", () => {
    assertClean(importArticle({ format: "markdown", content: HOSTILE }));
  });
});
