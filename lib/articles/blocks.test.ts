import { describe, expect, it } from "vitest";
import { canonicalHref, carryPages, pageAt, parseBlocks, plainBlocks } from "./blocks";

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

describe("PDF pages", () => {
  const structure = { paragraphs: [{ kind: "h2" }, { kind: "p" }, { kind: "li", ordered: true }], links: [] };
  const pages = [
    { start: 0, page: 3 },
    { start: 20, page: 4 },
    { start: 38, page: 6 },
  ];

  it("are kept by parseBlocks when they start at 0 and ascend inside the body, refused otherwise", () => {
    expect(parseBlocks({ ...structure, pages }, BODY)?.pages).toEqual(pages);
    expect(parseBlocks(structure, BODY)?.pages).toBeUndefined();
    for (const bad of [
      [],
      [{ start: 5, page: 1 }],
      [
        { start: 0, page: 2 },
        { start: 20, page: 2 },
      ],
      [
        { start: 0, page: 1 },
        { start: 30, page: 2 },
        { start: 20, page: 3 },
      ],
      [
        { start: 0, page: 1 },
        { start: BODY.length, page: 2 },
      ],
      [{ start: 0, page: 0 }],
      [{ start: 0, page: 1, extra: true }],
    ]) {
      expect(parseBlocks({ ...structure, pages: bad }, BODY)).toBeNull();
    }
  });

  it("pageAt gives the page an offset is on, or null for an article without pages", () => {
    const blocks = { ...plainBlocks(BODY), pages };
    expect([0, 19, 20, 37, 38, BODY.length].map((offset) => pageAt(blocks, offset))).toEqual([3, 3, 4, 4, 6, 6]);
    expect(pageAt(plainBlocks(BODY), 5)).toBeNull();
    expect(pageAt(null, 5)).toBeNull();
  });

  it("carryPages follows each page start through an edit before, after or around it, and drops one edited away", () => {
    const old = "Page one text.\n\nPage two begins here and goes on.\n\nPage three text.";
    const starts = [
      { start: 0, page: 1 },
      { start: old.indexOf("Page two"), page: 2 },
      { start: old.indexOf("Page three"), page: 3 },
    ];
    const edited = "Page one text, corrected at length.\n\nPage two begins here and goes on.\n\nPage three text.";
    expect(carryPages(old, edited, starts)).toEqual([
      { start: 0, page: 1 },
      { start: edited.indexOf("Page two"), page: 2 },
      { start: edited.indexOf("Page three"), page: 3 },
    ]);
    const middle = "Page one text.\n\nPage two begins HERE and goes on.\n\nPage three text.";
    expect(carryPages(old, middle, starts)).toEqual(starts);
    const gone = "Page one text.\n\nPage three text.";
    expect(carryPages(old, gone, starts)).toEqual([
      { start: 0, page: 1 },
      { start: gone.indexOf("Page three"), page: 3 },
    ]);
    for (const body of [edited, middle, gone]) {
      expect(parseBlocks({ ...plainBlocks(body), pages: carryPages(old, body, starts) }, body)).not.toBeNull();
    }
    expect(carryPages(old, "", starts)).toEqual([]);
  });
});
