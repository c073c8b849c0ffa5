import { z } from "zod";

/** A row id (cuid) as it arrives in a URL or body: trimmed, never empty, never huge. */
export const ZId = z.string().trim().min(1).max(64);

/** Path parameters of a route under an `[id]` folder. */
export const ZIdParams = z.object({ id: ZId });
