// The publish strip talks to the same /api/v1 routes as any API client, so the rules live in one place.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string[]> };

export async function callApi<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, init);
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: payload as T };
    const error = (payload as { error?: { message?: string; fields?: Record<string, string[]> } } | null)?.error;
    return { ok: false, message: error?.message ?? `Factdesk answered ${response.status}.`, fields: error?.fields };
  } catch {
    return { ok: false, message: "Could not reach Factdesk. Try again in a moment." };
  }
}
