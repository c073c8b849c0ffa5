import fc from "fast-check";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { highlightModel, layoutModel, type HighlightClaim } from "@/components/claims/highlight-html";
import { markActive, patchHighlights } from "@/components/claims/patch-highlights";
import { BLOCKS, BODY, claimArb } from "@/components/claims/highlight-arbitraries";

// A DOM for the patcher (linkedom: the same parser family the server uses for articles).
beforeAll(() => {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { document, CSS: { escape: (value: string) => value.replace(/["\\]/g, "\\$&") } });
});

const setArb = fc.array(claimArb, { maxLength: 8 });

function render(claims: HighlightClaim[], suggestions: { id: string; start: number; end: number }[] = []) {
  return highlightModel(BODY, claims, null, suggestions, BLOCKS);
}

function mount(html: string) {
  const root = document.createElement("div");
  root.innerHTML = html;
  return root;
}

const asClaims = (specs: { start: number; end: number; status: string; verdict: string | null }[], prefix: string): HighlightClaim[] =>
  specs.map((c, i) => ({
    id: `${prefix}${i}`,
    start: c.start,
    end: c.end,
    status: c.status,
    verdict: c.verdict ? { key: c.verdict } : null,
  }));

describe("patchHighlights", () => {
  it("turns any set of highlights into any other: the DOM then reads as if rendered whole", () => {
    fc.assert(
      fc.property(setArb, setArb, setArb, (kept, dropped, added) => {
        const stay = asClaims(kept, "k");
        const before = render([...stay, ...asClaims(dropped, "d")]);
        const after = render([...stay, ...asClaims(added, "a")], [{ id: "s1", start: 2, end: 20 }]);
        const root = mount(layoutModel(before));
        patchHighlights(root, after.starts, before.parts, after.parts);
        expect(root.innerHTML).toBe(mount(layoutModel(after)).innerHTML);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the elements of highlights that did not change, and reports the new ones", () => {
    const first = { id: "first", start: 0, end: 6, status: "unreviewed", verdict: null };
    const later = { id: "later", start: 60, end: 80, status: "in_review", verdict: null };
    const other = { id: "other", start: 100, end: 110, status: "unreviewed", verdict: null };
    const before = render([first, later, other]);
    const root = mount(layoutModel(before));
    const elements = () => [...root.querySelectorAll<HTMLElement>("[data-ids]")];
    const [a, b, c] = elements();
    const added = { id: "new", start: 20, end: 40, status: "unreviewed", verdict: null };
    const after = render([first, added, later, other]);
    const inserted = patchHighlights(root, after.starts, before.parts, after.parts);
    expect(inserted.map((el) => el.getAttribute("data-ids"))).toEqual(["new"]);
    expect(elements().filter((el) => [a, b, c].includes(el))).toHaveLength(3);

    // A status change replaces that claim's element only.
    const changed = render([first, added, { ...later, status: "verified" }, other]);
    patchHighlights(root, changed.starts, after.parts, changed.parts);
    const now = elements();
    expect(now).toContain(a);
    expect(now).not.toContain(b);
    expect(now).toContain(c);
    expect(root.querySelector('[data-ids="later"]')!.getAttribute("data-status")).toBe("verified");
  });

  it("replaces an element when a covering claim's label changes, though the markup would not", () => {
    const outer = { id: "outer", start: 0, end: 40, status: "unreviewed", verdict: { key: "true", label: "True" } };
    const inner = { id: "inner", start: 10, end: 20, status: "in_review", verdict: null };
    const before = render([outer, inner]);
    const root = mount(layoutModel(before));
    const shared = root.querySelector('[data-ids="outer inner"]');
    const after = render([{ ...outer, verdict: { key: "true", label: "Correct" } }, inner]);
    patchHighlights(root, after.starts, before.parts, after.parts);
    expect(root.querySelector('[data-ids="outer inner"]')).not.toBe(shared);
  });

  it("escapes what it puts in, as the whole render does", () => {
    const hostile = { id: 'x" onmouseover="alert(1)', start: 95, end: 110, status: "unreviewed", verdict: null };
    const before = render([]);
    const root = mount(layoutModel(before));
    const after = render([hostile]);
    patchHighlights(root, after.starts, before.parts, after.parts);
    expect(root.querySelector("[onmouseover]")).toBeNull();
    expect(root.querySelector("b")).toBeNull();
    expect(root.textContent).toBe(mount(layoutModel(after)).textContent);
  });
});

describe("markActive", () => {
  it("marks exactly the open claim's segments", () => {
    const model = render([
      { id: "a", start: 0, end: 30, status: "unreviewed", verdict: null },
      { id: "b", start: 10, end: 50, status: "unreviewed", verdict: null },
    ]);
    const root = mount(layoutModel(model));
    markActive(root, "b");
    expect([...root.querySelectorAll("[data-active]")].map((el) => el.getAttribute("data-ids"))).toEqual(["a b", "b"]);
    markActive(root, "a");
    expect([...root.querySelectorAll("[data-active]")].map((el) => el.getAttribute("data-ids"))).toEqual(["a", "a b"]);
    markActive(root, null);
    expect(root.querySelectorAll("[data-active]")).toHaveLength(0);
  });
});
