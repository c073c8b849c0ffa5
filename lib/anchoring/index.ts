// Public API of the anchoring module: pure text logic shared by the server (validation) and
// the browser (selection and highlighting). Nothing here touches React, Prisma or the DOM.

export { normalizeArticleText, splitParagraphs, PARAGRAPH_SEPARATOR, type Paragraph } from "./normalize";
export {
  CONTEXT_LENGTH,
  MAX_CLAIM_LENGTH,
  checkTarget,
  describeRange,
  splitsSurrogatePair,
  trimRange,
  type ClaimTarget,
  type TargetCheck,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
} from "./selectors";
export { compareRanges, segmentArticle, segmentParagraph, type HighlightRange, type ParagraphSegments, type Segment } from "./segments";
export { isBlank, isWhitespaceChar } from "./whitespace";
