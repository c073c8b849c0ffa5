// Public API of claim suggestions: pure text logic (no React, no Prisma) that finds the
// sentences and clauses of an article worth fact-checking and structures numeric claims.
export { DEFAULT_MIN_SCORE, suggestClaims, type ClaimType, type SuggestOptions, type Suggestion } from "./suggest";
export { extractNumericClaim, extractNumericClaims, type NumericClaim } from "./numeric-claim";
