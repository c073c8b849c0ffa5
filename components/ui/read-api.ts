import type { ErrorCode } from "@/lib/http/errors";
import type { ActionResult } from "@/lib/http/result";

/**
 * Reads from a GET route of /api/v1 with the browser's session, for client components.
 * Reads never go through server actions: Next.js runs those one at a time per client, so a
 * read would queue behind every write. `pick` takes the part of the JSON answer the caller
 * wants, e.g. `(d: { claim: ClaimDetailDTO }) => d.claim`. Resolves to an ActionResult (so
 * `useAction().run` takes it like an action's); an unreachable server rejects, as an action would. `signal` aborts the
 * read (it then rejects with the AbortError), e.g. for a newer read of the same thing (useLatestRead).
 */
export async function readApi<J, T>(
  url: string,
  pick: (json: J) => T,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ActionResult<T>> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal });
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: pick(payload as J) };
  const error = (payload as { error?: { code?: ErrorCode; message?: string } } | null)?.error;
  return { ok: false, error: { code: error?.code ?? "internal", message: error?.message ?? `Factdesk answered ${response.status}.` } };
}
