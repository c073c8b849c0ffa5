// Nesting limits on raw text, and the reported inputs they stop: a 220 KB nested-HTML import and a
// 5 MB nested annotation file, which each ran for seconds and ended in a 500.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnnotationUpload } from "@/lib/annotations/import-annotations";
import { importArticle } from "@/lib/articles/import";
import { AppError } from "@/lib/http/errors";
import { htmlDepth, jsonDepth, markdownDepth, MAX_HTML_DEPTH, MAX_JSON_DEPTH, refuseDeepJson } from "@/lib/http/nesting";

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected it to be refused");
}

describe("depth of raw text", () => {
  it("counts JSON arrays and objects, not brackets inside strings", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth("[".repeat(1000), 64)).toBe(65);
  });

  it("counts HTML elements as written, without void, self-closed or optional-end elements", () => {
    expect(htmlDepth("<div><section><p>One<p>Two<br><img src=x></section></div>")).toBe(2);
    expect(htmlDepth("<ul>" + "<li>item".repeat(5000) + "</ul>")).toBe(1);
    expect(htmlDepth("<div><!-- <div><div><div> --></div>")).toBe(1);
    expect(htmlDepth("<span>".repeat(300), MAX_HTML_DEPTH)).toBe(MAX_HTML_DEPTH + 1);
  });

  it("counts Markdown quotes and list levels", () => {
    expect(markdownDepth("> > quoted\n\n- a\n  - b\n    - c")).toBe(3);
    expect(markdownDepth("Plain paragraph.\n\nAnother.")).toBe(0);
  });

  it("lets every import fixture through", () => {
    const dir = path.join(process.cwd(), "lib", "articles", "import", "fixtures");
    for (const file of readdirSync(dir).filter((f) => /\.(html|md)$/.test(f))) {
      const text = readFileSync(path.join(dir, file), "utf8");
      expect(htmlDepth(text), file).toBeLessThanOrEqual(MAX_HTML_DEPTH);
      expect(markdownDepth(text), file).toBeLessThan(32);
    }
  });
});

describe("the reported inputs", () => {
  it("a 220 KB deeply nested HTML import is a 422 on content, before parsing", () => {
    const html = `<html><body>${"<div>".repeat(44_000)}Deep text.${"</div>".repeat(44_000)}</body></html>`;
    expect(html.length).toBeGreaterThan(220_000);
    const err = failure(() => importArticle({ format: "html", content: html }));
    expect(err.status).toBe(422);
    expect(err.fields?.content?.[0]).toContain("nested more than 256 levels deep");
  });

  it("deeply nested Markdown quotes and inline HTML are a 422", () => {
    expect(failure(() => importArticle({ format: "markdown", content: `${"> ".repeat(5000)}Deep.` })).status).toBe(422);
    expect(failure(() => importArticle({ format: "markdown", content: `Text\n\n${"<div>".repeat(5000)}Deep.` })).status).toBe(422);
  });

  it("a 5 MB nested annotation file is a 422 that names the file", () => {
    const nested = `${'{"a":['.repeat(600_000)}1${"]}".repeat(600_000)}`;
    expect(nested.length).toBeGreaterThan(4_000_000);
    const err = failure(() => parseAnnotationUpload(nested));
    expect(err.status).toBe(422);
    expect(err.message).toContain("The file is nested more than 64 levels deep");
  });

  it("JSON request bodies nested past the limit are refused, shallow ones pass", () => {
    expect(failure(() => refuseDeepJson("[".repeat(MAX_JSON_DEPTH + 1))).status).toBe(422);
    expect(() => refuseDeepJson(JSON.stringify({ target: { selector: [{ type: "TextQuoteSelector", exact: "x" }] } }))).not.toThrow();
  });
});
