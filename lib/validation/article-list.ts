import "@/lib/validation/zod-config";
import { z } from "zod";
import { text, ZId } from "@/lib/validation/fields";
import { TAG_NAME_MAX } from "@/lib/tags/tag-rules";
import { STATUS_KEYS, type StatusKey } from "@/lib/claims/verdicts";

/** Articles per page of the articles list. */
export const ARTICLE_PAGE_SIZE = 50;

export const ARTICLE_SORTS = ["updated", "published", "progress", "open", "due"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

const flag = z.enum(["1"], { message: "Use 1 to turn this filter on." }).optional();

/**
 * The articles list's view, as it appears in the URL (so a view can be shared): `sort` (updated: latest activity
 * first; published: newest publication first; progress: least done first; open: most open claims first; due:
 * earliest due date of an open claim first), `status` (comma-separated claim statuses: articles with a claim in
 * any of them), `assignee` (a member's id, or "me": articles with a claim assigned to them), the flags
 * `disputed`, `overdue`, `reanchor` (has a claim needing re-anchoring), `report` (published | unpublished), `tag`
 * (a tag name, any case: the article or one of its claims carries it), and
 * `cursor` (from the previous page's `nextCursor`). Filters combine (all must hold).
 */
export const ZArticleList = z.object({
  sort: z.enum(ARTICLE_SORTS, { message: "Sort by updated, published, progress, open or due." }).default("updated"),
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
  assignee: z.union([z.literal("me"), ZId]).optional(),
  disputed: flag,
  overdue: flag,
  reanchor: flag,
  report: z.enum(["published", "unpublished"], { message: "Use published or unpublished." }).optional(),
  tag: text({ min: 1, max: TAG_NAME_MAX }).optional(),
  cursor: text({ max: 300 }).optional(),
});
export type TArticleList = z.infer<typeof ZArticleList>;
