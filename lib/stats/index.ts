// Pure agreement statistics: no database, no React, so they can be tested on published data.
export { cohensKappa, type KappaResult } from "./cohens-kappa";
export { krippendorffAlpha, type AlphaMetric, type AlphaResult } from "./krippendorff-alpha";
export {
  verdictAgreement,
  type ClaimVerdicts,
  type ReviewerPairKappa,
  type ReviewerVerdict,
  type VerdictAgreement,
} from "./verdict-agreement";
