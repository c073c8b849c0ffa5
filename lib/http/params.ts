import { readJson } from "@/lib/http/respond";

export type IdContext = { params: Promise<{ id: string }> };

/** Merges the route's id into the JSON body so one zod schema validates both. */
export async function bodyWith(request: Request, extra: Record<string, string>): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  const fields = body !== null && typeof body === "object" && !Array.isArray(body) ? body : {};
  return { ...fields, ...extra };
}
