import type { ErrorCode, FieldErrors } from "@/lib/http/errors";

/**
 * What every server action answers, and what the client's GET reader (components/ui/read-api.ts)
 * gives back: the data, or an error a form can show (`fields`: messages per input field).
 * Kept apart from lib/http/action.ts, which is server-only, so client code can name the type.
 */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; fields?: FieldErrors } };
