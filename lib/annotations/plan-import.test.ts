import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { planImport, type PlanOptions } from "@/lib/annotations/plan-import";
import { ZAnnotation, type TAnnotation } from "@/lib/annotations/w3c";

const BODY = "The minister said spending rose 4 per cent last year.\n\nCritics said it fell.";
const options = (over: Partial<PlanOptions> = {}): PlanOptions => ({
  body: BODY,
  resolve: (creator) => (creator?.name === "Member" ? { userId: "member" } : { userId: "importer", ...(creator ? { origin: creator } : {}) }),
  importerId: "importer",
  canSignOff: true,
  requiresDoubleReview: false,
  now: new Date("2026-01-01T00:00:00Z"),
  ...over,
});
const annotation = (body: unknown[], extra: Record<string, unknown> = {}): TAnnotation =>
  ZAnnotation.parse({ type: "Annotation", target: { selector: [{ type: "TextQuoteSelector", exact: "spending rose 4 per cent" }] }, body, ...extra });

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
    expect(plan!.comments.map((c) => [c.key, c.parentKey])).toEqual([["c1", null], ["c2", "c1"], ["c3", "c2"]]);
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

  it("places the quote where it is, and keeps the creator of a non-member in origin", () => {
    const [plan] = planImport([annotation([], { creator: { type: "Person", name: "Stranger", email: "mailto:s@example.org" } })], options());
    expect(plan).toMatchObject({ start: 18, end: 42, anchorStatus: "attached", status: "unreviewed", createdById: "importer" });
    expect(plan!.prefix).toBe("The minister said ");
    expect(plan!.origin).toEqual({ creator: { type: "Person", name: "Stranger", email: "s@example.org" } });
  });

  it("sends a quote that is not in the text to a person rather than dropping it", () => {
    const missing = ZAnnotation.parse({ type: "Annotation", target: { selector: [{ type: "TextQuoteSelector", exact: "an entirely different sentence about tax" }] }, body: [] });
    const [plan] = planImport([missing], options());
    expect(plan).toMatchObject({ anchorStatus: "needs_review", exact: "an entirely different sentence about tax" });
  });

  it("reads a verdict from its label when there is no factdesk:verdict, and keeps signed-off status only for editors", () => {
    const verified = annotation([
      { type: "TextualBody", purpose: "assessing", value: "Misleading — it rose 2 per cent." },
      { type: "TextualBody", purpose: "tagging", value: "verified" },
    ]);
    const [editorPlan] = planImport([verified], options());
    expect(editorPlan).toMatchObject({ status: "verified", downgraded: false, verdict: { ordinal: 3, label: "Misleading", explanation: "it rose 2 per cent." } });
    const [reviewerPlan] = planImport([verified], options({ canSignOff: false }));
    expect(reviewerPlan).toMatchObject({ status: "verdict_proposed", downgraded: true });
    const found = problems(() => planImport([annotation([{ type: "TextualBody", purpose: "assessing", value: "Probably fine" }])], options()));
    expect(found["items.0.body.0"]?.[0]).toMatch(/label from the scale/);
  });
});
