import "server-only";
import { requireApiUser, type SessionUser } from "@/lib/auth";
import { toAppError, type ErrorCode, type FieldErrors } from "@/lib/http/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: FieldErrors } };

/**
 * The shape every server action shares: who is asking (checked on every call, not just
 * when the page rendered), then the work; failures come back as readable errors.
 */
export async function runAction<T>(work: (user: SessionUser) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const user = await requireApiUser();
    return { ok: true, data: await work(user) };
  } catch (err) {
    const appError = toAppError(err);
    return { ok: false, error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) } };
  }
}
