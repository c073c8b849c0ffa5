import { describe, expect, it } from "vitest";
import { creatorNames, MAX_CREATORS, readCreators } from "@/lib/annotations/creators";
import { annotationLabel, problemMessage } from "@/lib/annotations/import-problems";
import { ZAnnotation } from "@/lib/annotations/w3c";

const ok = (creators: unknown) => ({ ok: true, creators });

describe("readCreators: every shape the W3C model allows", () => {
  it("reads an IRI, named by the IRI itself", () => {
    expect(readCreators("https://hypothes.is/users/ana")).toEqual(
      ok({ id: "https://hypothes.is/users/ana", type: "Person", name: "https://hypothes.is/users/ana" }),
    );
    expect(readCreators("acct:ana@hypothes.is")).toEqual(ok({ id: "acct:ana@hypothes.is", type: "Person", name: "acct:ana@hypothes.is" }));
  });

  it("reads an agent by its name, else nickname, else id, else email", () => {
    expect(readCreators({ type: "Person", name: "Ana Lima", nickname: "ana" })).toEqual(ok({ type: "Person", name: "Ana Lima" }));
    expect(readCreators({ nickname: "ana" })).toEqual(ok({ type: "Person", name: "ana" }));
    expect(readCreators({ id: "urn:x:user:7" })).toEqual(ok({ id: "urn:x:user:7", type: "Person", name: "urn:x:user:7" }));
    expect(readCreators({ email: "mailto:ana@example.org" })).toEqual(
      ok({ type: "Person", name: "ana@example.org", email: "ana@example.org" }),
    );
    // An empty name is no name; blanks around one are not part of it.
    expect(readCreators({ name: "", nickname: "  ana " })).toEqual(ok({ type: "Person", name: "ana" }));
  });

  it("keeps the agent's type when the model names it, as a string or a JSON-LD list", () => {
    expect(readCreators({ type: "Software", name: "Hypothesis client" })).toEqual(ok({ type: "Software", name: "Hypothesis client" }));
    expect(readCreators({ type: ["foaf:Agent", "Organization"], name: "Full Fact" })).toEqual(
      ok({ type: "Organization", name: "Full Fact" }),
    );
    expect(readCreators({ type: "foaf:Person", name: "Ana" })).toEqual(ok({ type: "Person", name: "Ana" }));
  });

  it("reads a list of 1 to 10 of these, mixed; a list of one is that one", () => {
    expect(readCreators([{ name: "Ana" }])).toEqual(ok({ type: "Person", name: "Ana" }));
    expect(readCreators(["https://x.example/ben", { name: "Ana" }, { nickname: "cleo" }])).toEqual(
      ok([
        { id: "https://x.example/ben", type: "Person", name: "https://x.example/ben" },
        { type: "Person", name: "Ana" },
        { type: "Person", name: "cleo" },
      ]),
    );
    const ten = Array.from({ length: MAX_CREATORS }, (_, i) => ({ name: `Writer ${i}` }));
    expect(readCreators(ten)).toMatchObject({ ok: true, creators: expect.arrayContaining([{ type: "Person", name: "Writer 9" }]) });
  });

  it("reads [], null and no creator as none", () => {
    expect(readCreators([])).toEqual(ok(undefined));
    expect(readCreators(null)).toEqual(ok(undefined));
    expect(readCreators(undefined)).toEqual(ok(undefined));
  });
});

describe("readCreators refuses what it cannot name", () => {
  it("refuses more than 10, saying how many", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `Writer ${i}` }));
    expect(readCreators(eleven)).toEqual({ ok: false, reason: "A creator list can name at most 10 people; this one names 11.", path: [] });
  });

  it.each<[string, unknown, (string | number)[], RegExp]>([
    ["a bare name (not an IRI)", "Ana Lima", [], /^The creator “Ana Lima” is not an IRI: .*\{ "name": "Ana Lima" \}/],
    ["a number", 42, [], /^The creator must be an IRI or an object/],
    ["an agent with no name, nickname or id", { type: "Person" }, [], /^The creator has no name, nickname or id\.$/],
    ["a name that is not text", { name: 7 }, [], /^The creator's name: /],
    ["a list holding null", [{ name: "Ana" }, null], [1], /^Creator 2 must be an IRI or an object/],
    ["a list in a list", [[{ name: "Ana" }]], [0], /^Creator 1 must be an IRI or an object/],
    ["an over-long name", { name: "x".repeat(201) }, [], /^The creator's name: .*200/],
  ])("refuses %s", (_what, value, path, reason) => {
    expect(readCreators(value)).toEqual({ ok: false, reason: expect.stringMatching(reason), path });
  });
});

describe("creatorNames", () => {
  it("names every writer in English", () => {
    expect(creatorNames({ type: "Person", name: "Ana" })).toBe("Ana");
    expect(creatorNames([{ name: "Ana" }, { name: "Ben" }])).toBe("Ana and Ben");
    expect(creatorNames([{ name: "Ana" }, { name: "Ben" }, { name: "Cleo" }])).toBe("Ana, Ben and Cleo");
  });

  it("ignores what stored Json holds that is not a name", () => {
    expect(creatorNames(undefined)).toBeNull();
    expect(creatorNames([])).toBeNull();
    expect(creatorNames({ name: "  " })).toBeNull();
    expect(creatorNames([{ name: "Ana" }, "junk", null, { name: 3 }])).toBe("Ana");
  });
});

describe("an annotation's and its bodies' creators in a file", () => {
  const annotation = (extra: Record<string, unknown>) =>
    ZAnnotation.safeParse({ type: "Annotation", target: { selector: { type: "TextQuoteSelector", exact: "x" } }, body: [], ...extra });

  it("accepts each shape on the annotation and on a comment", () => {
    expect(annotation({ creator: "https://hypothes.is/users/ana" }).data?.creator).toMatchObject({ name: "https://hypothes.is/users/ana" });
    expect(annotation({ creator: [] }).data?.creator).toBeUndefined();
    const comment = { type: "TextualBody", purpose: "commenting", value: "hi", creator: [{ name: "Ana" }, { nickname: "ben" }] };
    expect(annotation({ body: [comment] }).data?.body[0]?.creator).toEqual([
      { type: "Person", name: "Ana" },
      { type: "Person", name: "ben" },
    ]);
  });

  it("refuses a malformed creator at its path", () => {
    const parsed = annotation({ body: [{ type: "TextualBody", value: "hi", creator: [{ name: "Ana" }, 5] }] });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["body.0.creator.1", "Creator 2 must be an IRI or an object with a name, nickname or id."],
    ]);
  });

  it("names the annotation of a problem by its place in the file and its id", () => {
    expect(annotationLabel(3, "urn:x:a1")).toBe("Annotation 4 (urn:x:a1)");
    expect(annotationLabel(0, undefined)).toBe("Annotation 1");
    const ids = ["urn:x:a0", undefined];
    expect(problemMessage(["items", 1, "body", 0, "creator"], "Too many.", (i) => ids[i])).toBe("Annotation 2, body.0.creator: Too many.");
    expect(problemMessage(["items", 0, "creator"], "Too many.", (i) => ids[i])).toBe("Annotation 1 (urn:x:a0), creator: Too many.");
    expect(problemMessage(["type"], "Expected a page.", () => undefined)).toBe("Type: Expected a page.");
  });
});
