// The Idempotency-Key header on the request layer: route() (spec.idempotent) and action()
// (options.idempotent) run a create through here. The keys and their answers live in
// lib/idempotency/keys.ts.
import "server-only";
import { beginKey, finishKey, releaseKey, runMarkingKey, ZIdempotencyKey, type IdempotentRequest } from "@/lib/idempotency/keys";
import { AppError } from "@/lib/http/errors";
import type { ActionResult } from "@/lib/http/result";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** Set to "true" on an answer given again to a retry. */
export const REPLAYED_HEADER = "Idempotent-Replayed";

/** The key a client sent (header or action option, any JSON value), or null for none (null, undefined). Throws 422 when it is anything but a well-formed key. */
export function readIdempotencyKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const parsed = ZIdempotencyKey.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Invalid Idempotency-Key.";
    throw new AppError("unprocessable", message, { [IDEMPOTENCY_HEADER]: [message] });
  }
  return parsed.data;
}

/**
 * Answers `request` once per key: the first time by running `produce` (a successful answer is
 * kept for 24 h, a failed one releases the key), a retry with the first answer again, marked
 * with `Idempotent-Replayed: true`. Throws AppError 422 (key used for another request) or 409
 * (the first request with the key is still running).
 */
export async function idempotentResponse(request: IdempotentRequest, produce: () => Promise<Response>): Promise<Response> {
  const begun = await beginKey(request);
  if (begun.kind === "replay") {
    const { status, body, contentType } = begun.answer;
    return new Response(body, { status, headers: { "content-type": contentType, [REPLAYED_HEADER]: "true" } });
  }
  let response: Response;
  try {
    // Each transaction of the create also marks the key used, so a lost answer never leads to a second copy.
    response = await runMarkingKey(begun.lease, produce);
  } catch (err) {
    await releaseKey(begun.lease).catch((e: unknown) => console.error("[factdesk] could not release an idempotency key:", e));
    throw err;
  }
  if (!response.ok) {
    await releaseKey(begun.lease);
    return response;
  }
  const body = await response.clone().text();
  await finishKey(begun.lease, { status: response.status, body, contentType: response.headers.get("content-type") ?? "application/json" });
  return response;
}

/**
 * The same for a server action: `produce`'s successful result is kept and returned to a retry
 * with the same key and input (as `{ ok: true, data }`, the data exactly as first sent).
 */
export async function idempotentResult<T>(request: IdempotentRequest, produce: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const begun = await beginKey(request);
  if (begun.kind === "replay") return { ok: true, data: JSON.parse(begun.answer.body) as T };
  let result: ActionResult<T>;
  try {
    result = await runMarkingKey(begun.lease, produce);
  } catch (err) {
    await releaseKey(begun.lease).catch((e: unknown) => console.error("[factdesk] could not release an idempotency key:", e));
    throw err;
  }
  if (!result.ok) await releaseKey(begun.lease);
  else await finishKey(begun.lease, { status: 200, body: JSON.stringify(result.data ?? null), contentType: "application/json" });
  return result;
}
