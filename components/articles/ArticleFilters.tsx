import Link from "next/link";
import { STATUSES } from "@/lib/claims/verdicts";
import { ARTICLE_SORTS, type ArticleSort, type TArticleList } from "@/lib/validation/article-list";
import { tagKey } from "@/lib/tags/tag-rules";
import { inputClass, quietButtonClass } from "@/components/ui/styles";
import { AssigneeFilter } from "@/components/articles/AssigneeFilter";

const SORT_LABEL: Record<ArticleSort, string> = {
  updated: "Recently updated",
  published: "Recently published",
  progress: "Least done",
  open: "Most open claims",
  due: "Due soonest",
};

/** `assigneeName`: the name of the member the view filters on, when it names one; `tags`: the team's tags. */
type Props = { view: TArticleList; assigneeName: string | null; tags: { id: string; name: string }[] };

/** How many of the view's filters are set (the sort is not one). */
function filtersOn(view: TArticleList): number {
  const set = [view.assignee, view.tag, view.report, view.disputed, view.overdue, view.reanchor].filter(Boolean).length;
  return set + (view.status?.length ?? 0);
}

/**
 * The articles list's sort and filters as a plain GET form: the view lives in the URL, so it can be shared and
 * works without JavaScript. Claim statuses are checkboxes sent as one comma-separated `status` by the page.
 * Below 768 px the form is folded behind one line that says the sort and how many filters are on (a `<details>`,
 * no script), so the articles are on a phone's first screen; from 768 px it always shows and that line does not.
 */
export function ArticleFilters({ view, assigneeName, tags }: Props) {
  const statuses = new Set<string>(view.status ?? []);
  // The URL may spell the tag in any case; the select shows the tag's own name.
  const tagValue = (view.tag && tags.find((t) => tagKey(t.name) === tagKey(view.tag ?? ""))?.name) ?? view.tag ?? "";
  const on = filtersOn(view);
  return (
    <details
      className="mb-4 rounded-lg border border-rule bg-white text-sm md:details-content:[content-visibility:visible]"
      data-testid="article-filters"
    >
      <summary className="cursor-pointer px-3 py-2.5 font-medium md:hidden">
        Sort and filter
        <span className="font-normal text-muted">
          {" "}
          · {SORT_LABEL[view.sort]}
          {on > 0 ? ` · ${on} ${on === 1 ? "filter" : "filters"} on` : ""}
        </span>
      </summary>
      <form action="/articles" method="get" className="p-3 max-md:pt-0" aria-label="Sort and filter articles">
        <div className="flex flex-wrap items-end gap-3">
          <label>
            <span className="mb-1 block text-xs font-medium text-muted">Sort</span>
            <select name="sort" defaultValue={view.sort} className={inputClass}>
              {ARTICLE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {SORT_LABEL[sort]}
                </option>
              ))}
            </select>
          </label>
          <AssigneeFilter value={view.assignee ?? null} name={assigneeName} />
          <label>
            <span className="mb-1 block text-xs font-medium text-muted">Tag</span>
            <select name="tag" defaultValue={tagValue} className={inputClass}>
              <option value="">Any</option>
              {view.tag && tagValue === view.tag && !tags.some((t) => t.name === view.tag) && <option value={view.tag}>{view.tag}</option>}
              {tags.map((t) => (
                <option key={t.id} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="mb-1 block text-xs font-medium text-muted">Report</span>
            <select name="report" defaultValue={view.report ?? ""} className={inputClass}>
              <option value="">Any</option>
              <option value="published">Published</option>
              <option value="unpublished">Not published</option>
            </select>
          </label>
          <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <legend className="mb-1 text-xs font-medium text-muted">Has claims that are</legend>
            {/* Disputed is under "Only" (articles with a disputed claim): one box for it, not two, unless a link set this one. */}
            {STATUSES.filter((status) => status.key !== "disputed" || statuses.has(status.key)).map((status) => (
              <label key={status.key} className="flex items-center gap-1">
                <input type="checkbox" name="status" value={status.key} defaultChecked={statuses.has(status.key)} />
                {status.label}
              </label>
            ))}
          </fieldset>
          <fieldset className="flex flex-wrap items-center gap-x-3">
            <legend className="mb-1 text-xs font-medium text-muted">Only</legend>
            <label className="flex items-center gap-1">
              <input type="checkbox" name="disputed" value="1" defaultChecked={Boolean(view.disputed)} /> disputed
            </label>
            <label className="flex items-center gap-1">
              <input type="checkbox" name="overdue" value="1" defaultChecked={Boolean(view.overdue)} /> overdue
            </label>
            <label className="flex items-center gap-1">
              <input type="checkbox" name="reanchor" value="1" defaultChecked={Boolean(view.reanchor)} /> needs re-anchoring
            </label>
          </fieldset>
          <div className="ml-auto flex gap-2">
            <Link href="/articles" className={quietButtonClass}>
              Clear
            </Link>
            <button type="submit" className={quietButtonClass}>
              Apply
            </button>
          </div>
        </div>
      </form>
    </details>
  );
}
