import "@/lib/validation/zod-config";
import { z } from "zod";
import { pageQuery } from "@/lib/validation/claim-list";

/** Suggestions per page of GET /api/v1/articles/{id}/suggestions without `limit`, and the most `limit` may ask for. */
export const SUGGESTION_LIST_LIMIT = { default: 200, max: 1000 } as const;

/**
 * GET /api/v1/articles/{id}/suggestions: `limit` (1–1000, default 200) and `cursor` (the previous page's
 * `nextCursor`). Output: `{ limit, cursor }`, cursor null for the first page.
 */
export const ZSuggestionListQuery = z
  .object(pageQuery({ fallback: SUGGESTION_LIST_LIMIT.default, max: SUGGESTION_LIST_LIMIT.max }))
  .transform(({ limit, cursor }) => ({ limit, cursor: cursor ?? null }));
export type TSuggestionListQuery = z.output<typeof ZSuggestionListQuery>;
