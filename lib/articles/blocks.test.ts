import { describe, expect, it } from "vitest";
import { canonicalHref, parseBlocks, plainBlocks } from "./blocks";

const BODY = "Heading\n\nA paragraph with a link.\n\nItem";

describe("parseBlocks", () => {
  const valid = {
    paragraphs: [{ kind: "h2" }, { kind: "p" }, { kind: "li", ordered: true }],
    links: [{ start: 28, end: 32, href: "https://example.org/" }],
  };

  it("accepts structure that matches the body", () => {
    expect(BODY.slice(28, 32)).toBe("link");
    expect(parseBlocks(valid, BODY)).toEqual(valid);
  });

  it("gives null for absent or malformed structure", () => {
    expect(parseBlocks(null, BODY)).toBeNull();
    expect(parseBlocks(undefined, BODY)).toBeNull();
    expect(parseBlocks({ paragraphs: [] }, BODY)).toBeNull();
    expect(parseBlocks({ ...valid, paragraphs: valid.paragraphs.slice(1) }, BODY)).toBeNull();
    expect(parseBlocks({ ...valid, paragraphs: [{ kind: "script" }, ...valid.paragraphs.slice(1)] }, BODY)).toBeNull();
    expect(parseBlocks({ ...valid, extra: 1 }, BODY)).toBeNull();
  });

  it("gives null for links that are unsafe, out of range, overlapping or across paragraphs", () => {
    const withLinks = (links: unknown[]) => parseBlocks({ ...valid, links }, BODY);
    expect(withLinks([{ start: 28, end: 32, href: "javascript:alert(1)" }])).toBeNull();
    expect(withLinks([{ start: 28, end: 32, href: "data:text/html,x" }])).toBeNull();
    expect(withLinks([{ start: 28, end: 32, href: "/relative" }])).toBeNull();
    expect(withLinks([{ start: 28, end: 99, href: "https://example.org/" }])).toBeNull();
    expect(withLinks([{ start: 5, end: 12, href: "https://example.org/" }])).toBeNull(); // crosses "\n\n"
    expect(
      withLinks([
        { start: 20, end: 30, href: "https://a.org/" },
        { start: 28, end: 32, href: "https://b.org/" },
      ]),
    ).toBeNull();
    expect(withLinks([{ start: 32, end: 28, href: "https://example.org/" }])).toBeNull();
  });

  it("plainBlocks describes every paragraph as plain", () => {
    expect(plainBlocks(BODY)).toEqual({ paragraphs: [{ kind: "p" }, { kind: "p" }, { kind: "p" }], links: [] });
  });
});

describe("canonicalHref", () => {
  it("keeps http, https and mailto in canonical form", () => {
    expect(canonicalHref(" HTTPS://Example.org/a b ")).toBe("https://example.org/a%20b");
    expect(canonicalHref("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(canonicalHref("https://exämple.com/ü")).toBe("https://xn--exmple-cua.com/%C3%BC");
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "vbscript:x",
    "data:text/html,x",
    "//evil.example/",
    "/relative",
    "ftp://x.org/",
    "",
  ])("refuses %s", (href) => expect(canonicalHref(href)).toBeNull());

  it("is the same on every call (URL.canParse on Node 20 is not)", () => {
    for (let i = 0; i < 5000; i++) expect(canonicalHref("https://exämple.com/ü path")).not.toBeNull();
  });
});
