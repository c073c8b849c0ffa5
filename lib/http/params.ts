import { readJson } from "@/lib/http/respond";

export type IdContext = { params: Promise<{ id: string }> };

/**
 * The JSON body as an object with `extra` (the route's own params, e.g. `{ claimId }`) merged over it, so one
 * zod schema validates both and a body cannot override the id in the URL. A body that is not a JSON object
 * (an array, a number, null) contributes nothing.
 * @throws AppError 413 / 400 from readJson (body over MAX_JSON_BYTES, or not JSON).
 */
export async function bodyWith(request: Request, extra: Record<string, string>): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  const fields = body !== null && typeof body === "object" && !Array.isArray(body) ? body : {};
  return { ...fields, ...extra };
}
