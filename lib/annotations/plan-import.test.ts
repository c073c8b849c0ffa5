import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { planImport, type PlanOptions } from "@/lib/annotations/plan-import";
import { ZAnnotation, type TAnnotation } from "@/lib/annotations/w3c";
import { defaultRatingScale } from "@/lib/teams/rating-scale";

const BODY = "The minister said spending rose 4 per cent last year.\n\nCritics said it fell.";
const options = (over: Partial<PlanOptions> = {}): PlanOptions => ({
  body: BODY,
  isEditor: true,
  requiresDoubleReview: false,
  scale: defaultRatingScale(),
  ...over,
});
const annotation = (body: unknown[], extra: Record<string, unknown> = {}): TAnnotation =>
  ZAnnotation.parse({
    type: "Annotation",
    target: { selector: [{ type: "TextQuoteSelector", exact: "spending rose 4 per cent" }] },
    body,
    ...extra,
  });

function problems(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).fields ?? {};
  }
  throw new Error("expected problems");
}

describe("planning an import", () => {
  it("orders replies after their parents whatever the file's order", () => {
    const [plan] = planImport(
      [
        annotation([
          { id: "c3", type: "TextualBody", purpose: "commenting", value: "reply to reply", "factdesk:replyTo": "c2" },
          { id: "c2", type: "TextualBody", purpose: "commenting", value: "reply", "factdesk:replyTo": "c1" },
          { id: "c1", type: "TextualBody", purpose: "commenting", value: "first" },
        ]),
      ],
      options(),
    );
    expect(plan!.comments.map((c) => [c.key, c.parentKey])).toEqual([
      ["c1", null],
      ["c2", "c1"],
      ["c3", "c2"],
    ]);
  });

  it("reports reply loops and unknown parents instead of guessing", () => {
    const found = problems(() =>
      planImport(
        [
          annotation([
            { id: "a", type: "TextualBody", purpose: "commenting", value: "x", "factdesk:replyTo": "b" },
            { id: "b", type: "TextualBody", purpose: "commenting", value: "y", "factdesk:replyTo": "a" },
          ]),
        ],
        options(),
      ),
    );
    expect(found["items.0.body"]?.join(" ")).toMatch(/loop/);
  });

  it("places the quote where it is, and keeps the file's creator and dates in origin only", () => {
    const [plan] = planImport(
      [
        annotation([], {
          creator: { type: "Person", name: "Stranger", email: "mailto:s@example.org" },
          created: "2025-01-02T03:04:05Z",
          modified: "2025-01-03T00:00:00Z",
        }),
      ],
      options(),
    );
    expect(plan).toMatchObject({ start: 18, end: 42, anchorStatus: "attached", status: "unreviewed" });
    expect(plan!.prefix).toBe("The minister said ");
    expect(plan!.origin).toEqual({
      creator: { type: "Person", name: "Stranger", email: "s@example.org" },
      created: "2025-01-02T03:04:05Z",
      modified: "2025-01-03T00:00:00Z",
    });
    // Nothing in a plan names a member: the importer authors it all.
    expect(JSON.stringify(plan)).not.toMatch(/"(createdById|authorId|addedById|byId)"/);
  });

  it("sends a quote that is not in the text to a person rather than dropping it", () => {
    const missing = ZAnnotation.parse({
      type: "Annotation",
      target: { selector: [{ type: "TextQuoteSelector", exact: "an entirely different sentence about tax" }] },
      body: [],
    });
    const [plan] = planImport([missing], options());
    expect(plan).toMatchObject({ anchorStatus: "needs_review", exact: "an entirely different sentence about tax" });
  });

  it("reads a verdict from its label when there is no factdesk:verdict, and never imports a signed-off status", () => {
    const tagged = (status: string) =>
      annotation([
        { type: "TextualBody", purpose: "assessing", value: "Misleading — it rose 2 per cent." },
        { type: "TextualBody", purpose: "tagging", value: status },
      ]);
    for (const isEditor of [true, false]) {
      for (const status of ["verified", "disputed"]) {
        const [plan] = planImport([tagged(status)], options({ isEditor }));
        expect(plan).toMatchObject({
          status: "verdict_proposed",
          downgraded: true,
          verdict: { ordinal: 3, label: "Misleading", explanation: "it rose 2 per cent." },
        });
      }
    }
    const [proposed] = planImport([tagged("verdict_proposed")], options());
    expect(proposed).toMatchObject({ status: "verdict_proposed", downgraded: false });
    for (const status of ["in_review", "unreviewed", "not_check_worthy"]) {
      expect(planImport([tagged(status)], options())[0]!.status).toBe(status);
    }
    const found = problems(() =>
      planImport([annotation([{ type: "TextualBody", purpose: "assessing", value: "Probably fine" }])], options()),
    );
    expect(found["items.0.body.0"]?.[0]).toMatch(/label from the scale/);
  });

  it("reads verdicts on the team's own scale: a key or label of its ratings, a value they share, and the longest label first", () => {
    const scale = [
      ...defaultRatingScale(),
      { key: "half_true", label: "Half true", colour: "#ffd500", ordinal: 3, noRating: false },
      { key: "true_ish", label: "True-ish (context)", colour: "#00aa55", ordinal: 4, noRating: false },
    ];
    const withVerdict = (verdict: Record<string, unknown>, value = "x") =>
      annotation([
        {
          type: "TextualBody",
          purpose: "assessing",
          value,
          ...(verdict ? { "factdesk:verdict": { explanation: "Because.", ...verdict } } : {}),
        },
      ]);
    const read = (a: TAnnotation) => planImport([a], options({ scale }))[0]!.verdict;
    expect(read(withVerdict({ key: "half_true", label: "Half true", ordinal: 3 }))).toMatchObject({ key: "half_true", label: "Half true" });
    expect(read(withVerdict({ ordinal: 3 }))).toMatchObject({ key: "misleading" });
    const plain = annotation([{ type: "TextualBody", purpose: "assessing", value: "True-ish (context): the year is wrong." }]);
    expect(read(plain)).toMatchObject({ key: "true_ish", explanation: "the year is wrong." });
    expect(
      problems(() => planImport([withVerdict({ key: "half_true", ordinal: 4 })], options({ scale })))[
        "items.0.body.0.factdesk:verdict"
      ]?.[0],
    ).toMatch(/key “half_true”, ordinal 4 do not name the same verdict/);
    expect(problems(() => planImport([withVerdict({ key: "half_true" })], options()))["items.0.body.0.factdesk:verdict"]?.[0]).toMatch(
      /key “half_true” is not on the scale/,
    );
  });

  it("takes label and ordinal from the desk's scale, and refuses a key, label and ordinal that disagree", () => {
    const withVerdict = (verdict: Record<string, unknown>) =>
      annotation([{ type: "TextualBody", purpose: "assessing", value: "x", "factdesk:verdict": { explanation: "Because.", ...verdict } }]);
    expect(planImport([withVerdict({ label: "mostly TRUE" })], options())[0]!.verdict).toEqual({
      key: "mostly_true",
      ordinal: 4,
      label: "Mostly true",
      explanation: "Because.",
    });
    expect(planImport([withVerdict({ key: "false", label: "False", ordinal: 1 })], options())[0]!.verdict).toMatchObject({
      ordinal: 1,
      label: "False",
    });
    expect(planImport([withVerdict({ ordinal: 0 })], options())[0]!.verdict).toMatchObject({ label: "Unverifiable" });

    const path = "items.0.body.0.factdesk:verdict";
    expect(problems(() => planImport([withVerdict({ label: "True", ordinal: 1 })], options()))[path]?.[0]).toMatch(
      /label “True”, ordinal 1 do not name the same verdict/,
    );
    expect(problems(() => planImport([withVerdict({ key: "true", label: "False" })], options()))[path]?.[0]).toMatch(
      /do not name the same verdict/,
    );
    expect(problems(() => planImport([withVerdict({ label: "Pants on fire", ordinal: 1 })], options()))[path]?.[0]).toMatch(
      /label “Pants on fire” is not on the scale/,
    );
    expect(problems(() => planImport([withVerdict({ ordinal: 9 })], options()))[path]?.[0]).toMatch(/ordinal 9 is not on the scale/);
    expect(problems(() => planImport([withVerdict({})], options()))[path]?.[0]).toMatch(/needs a key, label or ordinal/);
  });

  it("lets only editors decide double review; a reviewer's verdict on a double-review claim is kept aside", () => {
    const file = (requires: boolean) =>
      annotation(
        [
          {
            type: "TextualBody",
            purpose: "assessing",
            value: "x",
            creator: { name: "Elsewhere" },
            created: "2025-05-05T00:00:00Z",
            "factdesk:verdict": { key: "true", explanation: "Checked." },
          },
          { type: "TextualBody", purpose: "tagging", value: "verified" },
        ],
        { "factdesk:requiresDoubleReview": requires },
      );
    expect(planImport([file(false)], options({ isEditor: true, requiresDoubleReview: true }))[0]).toMatchObject({
      requiresDoubleReview: false,
      status: "verdict_proposed",
      verdictHeld: false,
    });
    expect(planImport([file(true)], options({ isEditor: true, requiresDoubleReview: false }))[0]).toMatchObject({
      requiresDoubleReview: true,
      verdict: { label: "True" },
    });
    // A reviewer gets the article's setting, whatever the file says.
    expect(planImport([file(true)], options({ isEditor: false, requiresDoubleReview: false }))[0]).toMatchObject({
      requiresDoubleReview: false,
      status: "verdict_proposed",
    });
    const [held] = planImport([file(false)], options({ isEditor: false, requiresDoubleReview: true }));
    expect(held).toMatchObject({ requiresDoubleReview: true, verdict: null, status: "unreviewed", verdictHeld: true, downgraded: false });
    expect(held!.origin.heldVerdict).toEqual({
      key: "true",
      label: "True",
      ordinal: 5,
      explanation: "Checked.",
      creator: { type: "Person", name: "Elsewhere" },
      created: "2025-05-05T00:00:00Z",
    });
  });

  it("reports a comment id used twice at its path instead of dropping one", () => {
    const comment = (value: string) => ({ id: "urn:x:c1", type: "TextualBody", purpose: "commenting", value });
    expect(problems(() => planImport([annotation([comment("one"), comment("two")])], options()))["items.0.body.1.id"]?.[0]).toMatch(
      /urn:x:c1 is used twice \(first at items\.0\.body\.0\)/,
    );
    expect(
      problems(() => planImport([annotation([comment("one")]), annotation([comment("two")])], options()))["items.1.body.0.id"]?.[0],
    ).toMatch(/used twice/);
  });

  it("refuses TextPositionSelector offsets that do not fit the database", () => {
    const at = (start: number, end: number) =>
      ZAnnotation.safeParse({
        type: "Annotation",
        target: {
          selector: [
            { type: "TextQuoteSelector", exact: "spending" },
            { type: "TextPositionSelector", start, end },
          ],
        },
        body: [],
      });
    expect(at(2_147_483_647, 2_147_483_647).success).toBe(true);
    for (const result of [at(0, 2_147_483_648), at(2 ** 40, 2 ** 40 + 2)]) {
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/TextPositionSelector.*at most 2,147,483,647/);
    }
  });
});

// One character repeated, and quotes made of it: every position is an occurrence (or nearly one). The old placement
// cost the quote's length at each of them, twice over: one such file blocked the server for seconds per claim.
// Nothing here measures time; the timeout is far beyond what linear work needs.
describe("placing quotes on hostile text", () => {
  const body = "a".repeat(1_000_000);
  const quoted = (exact: string, context = 32) =>
    ZAnnotation.parse({
      type: "Annotation",
      target: { selector: [{ type: "TextQuoteSelector", exact, prefix: "a".repeat(context), suffix: "a".repeat(context) }] },
      body: [],
    });

  it.each([
    ["made of the text's character", "a".repeat(64)],
    ["one letter off it", "a".repeat(63) + "b"],
  ])(
    "plans a quote %s without reading the text once per occurrence",
    (_name, exact) => {
      const [plan] = planImport([quoted(exact)], options({ body }));
      expect(plan!.anchorStatus).toMatch(/^(attached|needs_review)$/);
      if (plan!.anchorStatus === "needs_review") expect(plan!.anchorCandidates!.length).toBeLessThanOrEqual(3);
    },
    10_000,
  );

  it("scores a file's 1,000-character contexts on the 32 characters next to the quote", () => {
    const plans = planImport(
      Array.from({ length: 10 }, () => quoted("a".repeat(600), 1000)),
      options({ body }),
    );
    expect(plans).toHaveLength(10);
  }, 10_000);
});
