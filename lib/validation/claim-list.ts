import "@/lib/validation/zod-config";
import { z } from "zod";
import { text, ZId } from "@/lib/validation/fields";
import { STATUS_KEYS, type StatusKey } from "@/lib/claims/verdicts";
import { RATING_KEY } from "@/lib/teams/rating-scale";
import type { ClaimFilter } from "@/lib/claims/claim-filter";
import { TAG_NAME_MAX } from "@/lib/tags/tag-rules";
import { CURSOR_MAX_LENGTH } from "@/lib/pagination/cursor";

/** Claims per page of GET /api/v1/articles/{id}/claims without `limit`, and the most `limit` may ask for. */
export const CLAIM_LIST_LIMIT = { default: 200, max: 2000 } as const;

/**
 * `limit` and `cursor` of a paged list: a whole number of items from 1 to `max` (default `fallback`), and the
 * previous page's `nextCursor` (checked when it is decoded, lib/pagination/cursor.ts).
 */
export function pageQuery({ fallback, max }: { fallback: number; max: number }) {
  return {
    limit: z.coerce
      .number({ message: "limit is a whole number." })
      .int("limit is a whole number.")
      .min(1, "limit is at least 1.")
      .max(max, `limit is at most ${max}; follow nextCursor for more.`)
      .default(fallback),
    cursor: text({ max: CURSOR_MAX_LENGTH }).optional(),
  };
}

const flag = z.enum(["1"], { message: "Use 1 to turn this filter on." }).optional();

/**
 * GET /api/v1/articles/{id}/claims: `view` (full | summary) and the claim list's filters, validated strictly (the
 * page reads the same keys leniently, lib/claims/claim-filter.ts): `status` (comma-separated statuses), `verdict`
 * (a rating key of the team's scale, or none), `assignee` (a member id or me), `tag` (a tag name, any case), and the flags `disputed`,
 * `overdue`, `reanchor`. Filters combine. `limit` (1–2000, default 200) and `cursor` page through the result.
 * Output: `{ view, filter, limit, cursor }` with a ClaimFilter.
 */
export const ZClaimListQuery = z
  .object({
    view: z.enum(["full", "summary"], { message: "view is full or summary." }).default("full"),
    status: text({ max: 200 })
      .transform((value, ctx) => {
        const parts = value.split(",").filter(Boolean);
        const bad = parts.filter((p) => !(STATUS_KEYS as readonly string[]).includes(p));
        if (bad.length > 0) {
          ctx.addIssue({ code: "custom", message: `Not a claim status: ${bad.join(", ")}.` });
          return z.NEVER;
        }
        return [...new Set(parts)] as StatusKey[];
      })
      .optional(),
    verdict: text({ max: 40 })
      .refine((v) => v === "none" || RATING_KEY.test(v), { message: "Use a rating key of the team's scale (e.g. false) or none." })
      .optional(),
    assignee: z.union([z.literal("me"), ZId]).optional(),
    tag: text({ min: 1, max: TAG_NAME_MAX }).optional(),
    disputed: flag,
    overdue: flag,
    reanchor: flag,
    ...pageQuery({ fallback: CLAIM_LIST_LIMIT.default, max: CLAIM_LIST_LIMIT.max }),
  })
  .transform(({ view, limit, cursor, ...q }) => {
    const filter: ClaimFilter = {
      status: q.status ?? [],
      verdict: q.verdict ?? null,
      assignee: q.assignee ?? null,
      tag: q.tag ?? null,
      disputed: q.disputed === "1",
      overdue: q.overdue === "1",
      reanchor: q.reanchor === "1",
    };
    return { view, filter, limit, cursor: cursor ?? null };
  });
export type TClaimListQuery = z.output<typeof ZClaimListQuery>;
