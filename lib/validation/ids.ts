import { z } from "zod";
import { ZId } from "@/lib/validation/fields";

export { ZId };

/** Path parameters of a route under an `[id]` folder. */
export const ZIdParams = z.object({ id: ZId });

/** The `[id]` of a page's params when it is an id Factdesk gave out, else null (the page answers 404). */
export function pageId(params: { id: string }): string | null {
  const parsed = ZId.safeParse(params.id);
  return parsed.success ? parsed.data : null;
}
