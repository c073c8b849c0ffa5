// Public API of re-anchoring: moving claims onto a new version of an article's text.

export { createReanchorer, reanchorClaim, reanchorClaims } from "./reanchor";
export { AMBIGUITY_MARGIN, ATTACH_THRESHOLD } from "./score";
export type {
  AttachedResult,
  NeedsReviewResult,
  ReanchorCandidate,
  ReanchorClaim,
  ReanchorOptions,
  ReanchorOutcome,
  ReanchorResult,
} from "./types";
