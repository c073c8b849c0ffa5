// The structure cases reported in issue #18, each through import → render → Markdown → import again → diff.
// Before the fix: nested lists flattened ("1. Build new homes • • 1. Cut rents"), <ol start> counted from 1,
// tables became one paragraph per cell, Markdown pipe tables stayed raw pipes, <pre> lines collapsed.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderHighlightedHtml } from "@/components/claims/highlight-html";
import { parseBlocks } from "@/lib/articles/blocks";
import { diffTexts } from "@/lib/articles/versions";
import { articleToMarkdown, importArticle } from "./index";

/** Imports, renders, and checks that the Markdown form reads back to the same body and blocks. */
function imported(format: "html" | "markdown", content: string) {
  const article = importArticle({ format, content, leadingHeading: "body" });
  expect(parseBlocks(article.blocks, article.body)).toEqual(article.blocks);
  const markdown = articleToMarkdown(article.body, article.blocks);
  const back = importArticle({ format: "markdown", content: markdown, leadingHeading: "body" });
  expect(back.body).toBe(article.body);
  expect(back.blocks).toEqual(article.blocks);
  const html = renderHighlightedHtml(article.body, [], null, [], article.blocks);
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return { article, markdown, root: document.getElementById("root")!, html };
}

describe("structure kept end to end (issue #18)", () => {
  it("nests an unordered list inside an ordered one, and numbering carries on after it", () => {
    const { article, root } = imported(
      "html",
      "<ol><li>Build new homes<ul><li>in the north</li><li>in the south</li></ul></li><li>Cut rents by 10%</li></ol>",
    );
    expect(article.body).toBe("Build new homes\n\nin the north\n\nin the south\n\nCut rents by 10%");
    expect(root.querySelectorAll(":scope > ol > li")).toHaveLength(2);
    expect(root.querySelectorAll(":scope > ol > li > ul > li")).toHaveLength(2);
    expect(root.querySelector(":scope > ol > li > ul > li")!.textContent).toBe("in the north");
  });

  it("reads nested Markdown lists with their levels", () => {
    const { article, root } = imported("markdown", "1. Homes\n   - north\n2. Rents");
    expect(article.blocks.paragraphs).toEqual([
      { kind: "li", ordered: true },
      { kind: "li", ordered: false, level: 1 },
      { kind: "li", ordered: true },
    ]);
    expect(root.querySelectorAll(":scope > ol > li")).toHaveLength(2);
    expect(root.querySelector("ol > li > ul > li")!.textContent).toBe("north");
  });

  it("keeps an ordered list's start", () => {
    const { article, root, markdown } = imported("html", '<p>Where it ranked:</p><ol start="8"><li>Leeds</li><li>York</li></ol>');
    expect(article.blocks.paragraphs[1]).toEqual({ kind: "li", ordered: true, start: 8 });
    expect(root.querySelector("ol")!.getAttribute("start")).toBe("8");
    expect(markdown).toContain("8. Leeds\n9. York");
  });

  it("keeps an HTML table as a table, with empty cells in their place", () => {
    const { article, root, markdown } = imported(
      "html",
      "<table><tr><th>Year</th><th>Cases</th></tr><tr><td>2023</td><td>1,204</td></tr><tr><td>2024</td><td>987</td></tr><tr><td></td><td>n/a</td></tr></table>",
    );
    expect(article.body.split("\n\n")).toEqual(["Year", "Cases", "2023", "1,204", "2024", "987", "n/a"]);
    const rows = Array.from(root.querySelectorAll("table tr")).map((tr) => Array.from(tr.children).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Year", "Cases"],
      ["2023", "1,204"],
      ["2024", "987"],
      ["", "n/a"],
    ]);
    expect(root.querySelectorAll("th")).toHaveLength(2);
    expect(markdown).toBe("| Year | Cases |\n| --- | --- |\n| 2023 | 1,204 |\n| 2024 | 987 |\n|  | n/a |");
  });

  it("reads a Markdown pipe table as a table, not as pipes and dashes", () => {
    const { article, root } = imported("markdown", "| Year | Cases |\n| --- | --- |\n| 2023 | 1,204 |\n| 2024 | 987 |");
    expect(article.body).not.toContain("|");
    expect(article.body).not.toContain("---");
    expect(root.querySelectorAll("tr")).toHaveLength(3);
  });

  it("lets a claim sit inside one cell, and a claim across cells highlights only the cells it covers", () => {
    const { article } = imported("markdown", "| Year | Cases |\n| --- | --- |\n| 2023 | 1,204 |\n| 2024 | 987 |");
    const start = article.body.indexOf("987");
    const inCell = { id: "c1", start, end: start + 3, status: "unreviewed", verdict: null };
    const across = {
      id: "c2",
      start: article.body.indexOf("1,204"),
      end: article.body.indexOf("2024") + 4,
      status: "unreviewed",
      verdict: null,
    };
    const html = renderHighlightedHtml(article.body, [inCell, across], null, [], article.blocks);
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const cellsWith = (id: string) =>
      Array.from(document.querySelectorAll("td, th"))
        .filter((cell) => cell.querySelector(`[data-ids~="${id}"]`))
        .map((cell) => cell.textContent);
    expect(cellsWith("c1")).toEqual(["987"]);
    expect(cellsWith("c2")).toEqual(["1,204", "2024"]);
  });

  it("keeps preformatted lines and single line breaks", () => {
    const { article, root, markdown } = imported("html", "<pre>Year  Cases\n2023  1,204\n\n2024  987</pre><p>12 High St<br>Leeds</p>");
    expect(article.body.split("\n\n")).toEqual(["Year Cases", "2023 1,204", "2024 987", "12 High St", "Leeds"]);
    expect(root.querySelector("pre")!.textContent).toBe("Year Cases\n2023 1,204\n2024 987");
    expect(root.querySelector("p")!.innerHTML).toContain("<br>");
    expect(markdown).toBe("```\nYear Cases\n2023 1,204\n2024 987\n```\n\n12 High St\\\nLeeds");
  });

  it("keeps figure captions", () => {
    const { article, root } = imported(
      "html",
      '<p>Text.</p><figure><img src="x.png"><figcaption>Photo: <a href="https://example.org/">Agency</a></figcaption></figure>',
    );
    expect(article.blocks.paragraphs[1]).toEqual({ kind: "caption" });
    expect(root.querySelector(".article-caption")!.textContent).toBe("Photo: Agency");
  });

  it("shows a changed table cell as that cell's change in the version diff", () => {
    const before = importArticle({ format: "markdown", content: "| Year | Cases |\n| --- | --- |\n| 2024 | 987 |" });
    const after = importArticle({ format: "markdown", content: "| Year | Cases |\n| --- | --- |\n| 2024 | 978 |" });
    const { parts } = diffTexts(before.body, after.body);
    const changed = parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()]);
    expect(changed.sort()).toEqual([
      ["added", "978"],
      ["removed", "987"],
    ]);
  });

  it("writes dir=auto on every block, so right-to-left text lays out right to left", () => {
    const { root } = imported("markdown", "שלום עולם\n\n- פריט\n\n> ציטוט\n\n| א |\n| --- |\n| ב |");
    const blocks = root.querySelectorAll("[data-start]");
    expect(blocks.length).toBe(5);
    for (const block of Array.from(blocks)) expect(block.getAttribute("dir")).toBe("auto");
  });
});
