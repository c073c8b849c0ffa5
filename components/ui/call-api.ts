// Client components that talk to /api/v1 directly (where a server action will not do: large
// uploads, or the same route API clients use) read its answers through this one function.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string[]> };

type FallbackMessages = {
  /** When the server answered an error without a readable message. */
  failed?: (status: number) => string;
  /** When the request never reached the server. */
  unreachable?: string;
};

export async function callApi<T>(url: string, init: RequestInit, messages: FallbackMessages = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, init);
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: payload as T };
    const error = (payload as { error?: { message?: string; fields?: Record<string, string[]> } } | null)?.error;
    const failed = messages.failed ?? ((status: number) => `Factdesk answered ${status}.`);
    return { ok: false, message: error?.message ?? failed(response.status), fields: error?.fields };
  } catch {
    return { ok: false, message: messages.unreachable ?? "Could not reach Factdesk. Try again in a moment." };
  }
}
