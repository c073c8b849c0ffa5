import type { ActionResult } from "@/lib/http/result";
import { readApi } from "@/components/ui/read-api";

/**
 * Reads every page of a list GET route of /api/v1 that pages by cursor (`limit`, `cursor`, `nextCursor`), one page
 * after another from `cursor` (null: the first page), `limit` items a page. `url` may carry its own query already;
 * `pick` takes the items and the next cursor out of one page's JSON. Resolves to all the items in order, or to the
 * first page's error; an unreachable server rejects (see readApi).
 */
export async function readAllPages<J, T>(
  url: string,
  pick: (json: J) => { items: T[]; nextCursor: string | null },
  { limit, cursor = null }: { limit: number; cursor?: string | null },
): Promise<ActionResult<T[]>> {
  const items: T[] = [];
  let next = cursor;
  do {
    const query = `limit=${limit}${next ? `&cursor=${encodeURIComponent(next)}` : ""}`;
    const page = await readApi(`${url}${url.includes("?") ? "&" : "?"}${query}`, pick);
    if (!page.ok) return page;
    for (const item of page.data.items) items.push(item);
    next = page.data.nextCursor;
  } while (next);
  return { ok: true, data: items };
}
