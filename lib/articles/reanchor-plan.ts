// What saving a new version does to each claim, decided in memory before anything is written:
// pure, so the save path can run it for a thousand claims and then write the result in a few
// batched statements.
import { describeRange, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring/selectors";
import { reanchorClaims, type ReanchorCandidate } from "@/lib/anchoring/reanchor";
import { foldText } from "@/lib/anchoring/reanchor/fold";

/** Statuses that only a claim carrying a verdict can have. */
const VERDICT_STATUSES: readonly string[] = ["verdict_proposed", "verified", "disputed"];

/**
 * Whether a verdict hangs on the claim's words: it has a verdict ordinal, or a status only a claim with a
 * verdict can have (proposed, verified, disputed). Pure.
 */
export function hasVerdict(claim: { status: string; verdictOrdinal: number | null }): boolean {
  return claim.verdictOrdinal !== null || VERDICT_STATUSES.includes(claim.status);
}

/**
 * Whether two quotes say the same words, up to what re-anchoring treats as typography: quote
 * style, the dash family and the spaces around dashes, whitespace runs, invisible characters (foldText),
 * and leading or trailing whitespace. A verdict judged one text must not silently move onto different words.
 */
export function sameWords(a: string, b: string): boolean {
  return a === b || foldText(a).text.trim() === foldText(b).text.trim();
}

/** A claim as stored, with the anchoring columns the plan needs. */
export type StoredAnchor = TextQuoteSelector &
  TextPositionSelector & {
    id: string;
    anchorStatus: "attached" | "needs_review";
    /** The version whose body the selectors point into. */
    anchorVersion: number;
    anchorConfidence: number | null;
    anchorMethod: string | null;
    /** A verdict hangs on these words: the claim may only move onto the same words without a person. */
    hasVerdict: boolean;
  };

/**
 * - unchanged: same words at the same offsets (their context may have changed);
 * - moved: attached before and after, at other offsets or with changed words;
 * - reattached: needed review before, attached now;
 * - lost: attached before, needs review now (keeps its old text);
 * - still-lost: needed review before and still does (new candidates).
 */
export type PlanKind = "unchanged" | "moved" | "reattached" | "lost" | "still-lost";

export type AnchorUpdate = TextQuoteSelector &
  TextPositionSelector & {
    id: string;
    kind: PlanKind;
    anchorStatus: "attached" | "needs_review";
    anchorVersion: number;
    anchorConfidence: number | null;
    anchorMethod: string | null;
    anchorCandidates: ReanchorCandidate[] | null;
    /** Why a claim that could have attached waits for a person instead. */
    heldBack?: "verdict-words-changed";
  };

/**
 * Whether a plan entry is a change a person should see in the claim's history, and so bumps its version:
 * "moved", "reattached" and "lost"; "unchanged" and "still-lost" are not.
 */
export const isVisibleChange = (kind: PlanKind) => kind === "moved" || kind === "reattached" || kind === "lost";

/**
 * Decides, in memory, what saving `newBody` as version `newVersion` does to each claim. Attached claims point
 * into `current.body`; claims that need review point into the body of their `anchorVersion`, looked up in
 * `bodies` (the current body when that version is unknown, e.g. a claim imported from elsewhere). Returns one
 * AnchorUpdate per claim (grouped by old body, not in input order): attached ones with new selectors (UTF-16
 * offsets into `newBody`) and the new version; the rest keep their old text and get candidates. A claim with
 * a verdict whose words would change is held back for a person ("verdict-words-changed"). Pure; never throws.
 */
export function planReanchor(
  claims: readonly StoredAnchor[],
  current: { version: number; body: string },
  bodies: ReadonlyMap<number, string>,
  newBody: string,
  newVersion: number,
): AnchorUpdate[] {
  const groups = new Map<string, StoredAnchor[]>();
  const oldBodyOf = (claim: StoredAnchor) =>
    claim.anchorStatus === "attached" ? current.body : (bodies.get(claim.anchorVersion) ?? current.body);
  for (const claim of claims) {
    const body = oldBodyOf(claim);
    const group = groups.get(body) ?? [];
    group.push(claim);
    groups.set(body, group);
  }
  const updates: AnchorUpdate[] = [];
  for (const [oldBody, group] of groups) {
    const results = reanchorClaims(
      oldBody,
      newBody,
      group.map((c) => ({
        id: c.id,
        quote: { exact: c.exact, prefix: c.prefix, suffix: c.suffix },
        position: { start: c.start, end: c.end },
      })),
    );
    results.forEach((result, i) => {
      const claim = group[i]!;
      const wasAttached = claim.anchorStatus === "attached";
      const place = result.outcome === "needs-review" ? null : { ...result, target: describeRange(newBody, result.start, result.end) };
      // A verdict was reached on the old words: new words (a typo fixed, a figure changed) need
      // a person to confirm the place, and then an editor to sign the verdict off again.
      const heldBack = place !== null && claim.hasVerdict && !sameWords(place.target.quote.exact, claim.exact);
      if (place === null || heldBack) {
        // The old text stays as it was, so a person sees what the claim said.
        updates.push({
          ...pickSelectors(claim),
          id: claim.id,
          kind: wasAttached ? "lost" : "still-lost",
          anchorStatus: "needs_review",
          // Attached claims point into the current body whatever their stored anchorVersion says.
          anchorVersion: wasAttached ? current.version : claim.anchorVersion,
          anchorConfidence: result.confidence,
          anchorMethod: claim.anchorMethod,
          anchorCandidates: place ? withPlace(result.candidates, newBody, place) : result.candidates,
          ...(heldBack ? { heldBack: "verdict-words-changed" as const } : {}),
        });
        return;
      }
      const { target } = place;
      const samePlace = wasAttached && place.start === claim.start && place.end === claim.end && target.quote.exact === claim.exact;
      updates.push({
        id: claim.id,
        kind: samePlace ? "unchanged" : wasAttached ? "moved" : "reattached",
        ...target.quote,
        ...target.position,
        anchorStatus: "attached",
        anchorVersion: newVersion,
        // An unchanged claim keeps how it was placed (a person's manual choice stays "manual").
        anchorConfidence: samePlace ? (claim.anchorConfidence ?? result.confidence) : result.confidence,
        anchorMethod: samePlace ? (claim.anchorMethod ?? result.outcome) : result.outcome,
        anchorCandidates: null,
      });
    });
  }
  return updates;
}

/** The candidates, with the place matching found first (it is the one a person most likely confirms). */
function withPlace(
  candidates: ReanchorCandidate[],
  body: string,
  { start, end, confidence }: { start: number; end: number; confidence: number },
): ReanchorCandidate[] {
  const found = candidates.find((c) => c.start === start && c.end === end);
  const place = found ?? { start, end, text: body.slice(start, end), score: confidence };
  return [place, ...candidates.filter((c) => c !== place)];
}

function pickSelectors(c: StoredAnchor) {
  return { exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end };
}

export type SaveSummary = { attached: number; moved: number; needsReview: number; unchanged: number };

/**
 * Counts a plan for the save's answer and audit row: `attached` (unchanged, moved or reattached), `moved`
 * (moved or reattached), `needsReview` (lost or still lost) and `unchanged`.
 */
export function summarize(updates: readonly AnchorUpdate[]): SaveSummary {
  const count = (...kinds: PlanKind[]) => updates.filter((u) => kinds.includes(u.kind)).length;
  return {
    attached: count("unchanged", "moved", "reattached"),
    moved: count("moved", "reattached"),
    needsReview: count("lost", "still-lost"),
    unchanged: count("unchanged"),
  };
}
