import { describe, expect, it } from "vitest";
import { clauseFeatures } from "./features";
import { CUE_WORDING } from "./cue-wording";
import { combinedScore, COMBINED_THRESHOLD, learnedProbability, learnedReason, loadModel, shippedModel, type ClaimModel } from "./learned";
import { analyze } from "./nlp";
import { scoreClause } from "./score";
import { assembleSuggestions, claimCandidates, DEFAULT_MIN_SCORE, scoreWithModel, suggestClaims } from "./suggest";

/** The features of a one-clause text, as the pipeline computes them. */
function featuresOf(text: string, context = { attributed: false }) {
  const { tokens } = analyze(text);
  const setting = { ...context, index: 0, count: 1 };
  return clauseFeatures(text, tokens, setting, scoreClause(text, setting, tokens));
}

describe("clauseFeatures", () => {
  it("names words, word pairs, tags, shapes, context and the rules' verdict, the same way every time", () => {
    const text = "Rents in Calder rose by 12% in 2024, the council said";
    const a = featuresOf(text, { attributed: true });
    expect([...a]).toEqual([...featuresOf(text, { attributed: true })]);
    for (const name of [
      "w:rents",
      "b:rose by",
      "w:00",
      "b:00 %",
      "p:PROPN",
      "shape:percent",
      "shape:year",
      "ctx:attributed",
      "ctx:only-clause",
    ]) {
      expect(a.get(name), name).toBe(1);
    }
    expect(a.get("rules.score")).toBeGreaterThan(0.5);
    expect([...a.keys()].some((k) => k.startsWith("cue:"))).toBe(true);
    expect([...a.keys()].some((k) => k.startsWith("rules.type:"))).toBe(true);
  });

  it("reduces figures to their shape, so unseen numbers share features", () => {
    expect(featuresOf("It cost £3.5m").get("w:0.0")).toBe(1);
    expect(featuresOf("It cost £7.2m").get("w:0.0")).toBe(1);
  });
});

describe("the shipped claim scorer (claim-scorer.json)", () => {
  const model = shippedModel();

  it("loads once, with one weight per feature and a combination chosen by cross-validation", () => {
    expect(shippedModel()).toBe(model);
    expect(model.features.length).toBe(model.weights.length);
    expect(model.features.length).toBeGreaterThan(1000);
    expect([...model.features]).toEqual([...model.features].sort());
    expect(["learned", "blend", "union"]).toContain(model.combination.mode);
    expect(model.combination.threshold).toBeGreaterThan(0);
    expect(model.combination.threshold).toBeLessThan(1);
  });

  it("gives a probability in 0..1, the same for the same features", () => {
    const features = featuresOf("The board replaced its chief executive after the audit");
    const p = learnedProbability(model, features);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(learnedProbability(model, featuresOf("The board replaced its chief executive after the audit"))).toBe(p);
  });

  it("makes suggestClaims deterministic", () => {
    const text = "Marlow gets most of its drinking water from the Eddon reservoir. Rents rose by 12% in 2024, the council said.";
    expect(suggestClaims(text)).toEqual(suggestClaims(text));
  });

  it("finds a plain statement of fact that no rule has a cue for, with a type and a reason from its features", () => {
    const text = "Marlow gets most of its drinking water from the Eddon reservoir.";
    expect(assembleSuggestions(text, claimCandidates(text), (c) => c.rules, DEFAULT_MIN_SCORE)).toEqual([]);
    const [s, ...rest] = suggestClaims(text);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ text: "Marlow gets most of its drinking water from the Eddon reservoir", type: "attributed" });
    expect(s!.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    expect(s!.score).toBeLessThanOrEqual(1);
    expect(s!.reason).toMatch(/^Like labelled claims: .*the verb “gets”/);
  });

  it.each([
    "“I have never been prouder of this team,” she said.",
    "The coach said the players had been devastated.",
    "The club said it would never forget what he gave it.",
    "“We will miss her terribly,” the head teacher said.",
  ])("keeps the quote of feeling %j out", (text) => {
    expect(suggestClaims(text)).toEqual([]);
  });
});

describe("combinedScore", () => {
  const verdict = (score: number, cues: string[] = []) => ({ score, cues });

  it("puts the learned threshold on the operating threshold", () => {
    expect(DEFAULT_MIN_SCORE).toBe(COMBINED_THRESHOLD);
    expect(combinedScore(verdict(0), 0.6, { mode: "learned", alpha: 0, threshold: 0.6 })).toBe(COMBINED_THRESHOLD);
    expect(combinedScore(verdict(0.2), 0.4, { mode: "blend", alpha: 0.5, threshold: 0.3 })).toBe(COMBINED_THRESHOLD);
    expect(combinedScore(verdict(0.5), 0.1, { mode: "rules", alpha: 1, threshold: 0.22 })).toBe(0.5);
    expect(combinedScore(verdict(0.1), 1, { mode: "union", alpha: 0, threshold: 0.7 })).toBe(1);
  });

  it("never lets the model lift a clause the rules mark as feeling or opinion", () => {
    const blend = { mode: "blend", alpha: 0.25, threshold: 0.35 } as const;
    expect(combinedScore(verdict(0.05, ["attributed", "feeling"]), 0.99, blend)).toBe(0.05);
    expect(combinedScore(verdict(0.05, ["attributed", "reportedFeeling"]), 0.99, blend)).toBe(0.05);
    expect(combinedScore(verdict(0.05, ["attributed"]), 0.99, blend)).toBeGreaterThan(COMBINED_THRESHOLD);
  });

  it("refuses a model whose features and weights differ in length", () => {
    const broken: ClaimModel = { bias: 0, features: ["a", "b"], weights: [1], combination: { mode: "learned", alpha: 0, threshold: 0.5 } };
    expect(() => loadModel(broken)).toThrow(/differ in length/);
  });
});

describe("scoreWithModel", () => {
  // A model whose one feature lifts a clause to ~0.99, so the combined score passes any threshold below that.
  const model = loadModel({ bias: 0, features: ["v:reports"], weights: [8], combination: { mode: "learned", alpha: 0, threshold: 0.5 } });
  const clause = (rulesScore: number) => ({
    start: 0,
    end: 20,
    rules: { score: rulesScore, type: "action" as const, reason: "The rules' reason", hedged: false, cues: [] },
    features: new Map([["v:reports", 1]]),
  });

  it("explains by the model a clause the rules alone would not pass at the caller's threshold", () => {
    // Rules 0.3 pass the default 0.22 but not a threshold of 0.5: at 0.5 only the model passes it.
    const verdict = scoreWithModel(clause(0.3), model, 0.5);
    expect(verdict.score).toBeGreaterThanOrEqual(0.5);
    expect(verdict.reason).toBe("Like labelled claims: the verb “reports”");
  });

  it("keeps the rules' reason for a clause the rules alone pass at the caller's threshold", () => {
    // Rules 0.15 fail the default 0.22 but pass a threshold of 0.1: the rules' own reason explains it.
    expect(scoreWithModel(clause(0.15), model, 0.1).reason).toBe("The rules' reason");
  });
});

describe("learnedReason", () => {
  // A model that weighs only the feature `name`, so a clause with it has exactly that feature to explain it by.
  const onlyFeature = (name: string) =>
    loadModel({ bias: 0, features: [name], weights: [1], combination: { mode: "learned", alpha: 0, threshold: 0.5 } });
  const reasonFor = (name: string) => learnedReason(onlyFeature(name), new Map([[name, 1]]));

  it.each(Object.entries(CUE_WORDING))("words the cue %s as a fact-checker reads it: %j", (cue, wording) => {
    expect(reasonFor(`cue:${cue}`)).toBe(`Like labelled claims: ${wording}`);
  });

  it("has words for every cue the shipped model weighs", () => {
    const cues = shippedModel()
      .features.filter((f) => f.startsWith("cue:"))
      .map((f) => f.slice(4));
    expect(cues.filter((cue) => !Object.hasOwn(CUE_WORDING, cue))).toEqual([]);
  });

  it("never spells a reason from a cue's internal name", () => {
    // Before: "cue:timedPlan" read "timed plan", "cue:hardNumber" "hard number"; a cue the table lacks says nothing.
    expect(reasonFor("cue:someNewCue")).toBe("Like labelled claims");
    for (const cue of Object.keys(CUE_WORDING)) {
      const spelled = cue.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
      if (spelled !== CUE_WORDING[cue as keyof typeof CUE_WORDING].replace(/^an? /, "")) {
        expect(reasonFor(`cue:${cue}`)).not.toMatch(new RegExp(`: ${spelled}$`));
      }
    }
  });
});
