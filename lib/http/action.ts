import "server-only";
import type { z } from "zod";
import { requireApiUser, requireRole, type SessionUser, type TeamUser } from "@/lib/auth";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, toAppError } from "@/lib/http/errors";
import { idempotentResult, readIdempotencyKey } from "@/lib/http/idempotency";
import type { ActionResult } from "@/lib/http/result";
import { hashBody } from "@/lib/idempotency/keys";
import { parseInput } from "@/lib/validation/parse";

export type { ActionResult };

/** The result a failure becomes: the AppError's code, message and field messages (bugs: logged, generic). */
function failure(err: unknown): ActionResult<never> {
  const appError = toAppError(err);
  return { ok: false, error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) } };
}

/**
 * The shape every server action shares: who is asking (checked on every call, not just
 * when the page rendered), then the work; failures come back as readable errors.
 * `user`: the caller already checked the session in this call (action()'s idempotent path), so it is not read again.
 * Prefer `action()`, which also parses the input.
 */
export async function runAction<T>(
  work: (user: SessionUser) => Promise<T>,
  { allowWithoutTwoFactor = false, user: known }: { allowWithoutTwoFactor?: boolean; user?: SessionUser } = {},
): Promise<ActionResult<T>> {
  try {
    // `user`: already checked in this call (an idempotent action's key is per user); the session is not read twice.
    const user = known ?? (await requireApiUser({ allowWithoutTwoFactor }));
    return { ok: true, data: await work(user) };
  } catch (err) {
    return failure(err);
  }
}

type ActionOptions = {
  /** Requires an active team; with roles, one of them (403 otherwise). */
  team?: true | readonly Role[];
  /**
   * Runs even while a team requires two-factor of the user and it is not on yet (every other
   * action answers 403 then): only for what the Account page needs to set it up.
   */
  allowWithoutTwoFactor?: true;
  /**
   * A create that honours an idempotency key, named here (e.g. "claim.create"): called with
   * `{ idempotencyKey }` as its second argument, a retry with the same key and input gets the
   * first successful result again and creates nothing (lib/http/idempotency.ts).
   */
  idempotent?: string;
};

/** The second argument of an idempotent action: a key the form made for this submission. */
export type ActionCall = { idempotencyKey?: string };
type Action<S extends z.ZodType, T> = (input: z.input<S>, call?: ActionCall) => Promise<ActionResult<T>>;

/**
 * Builds a server action (a mutation; reads go through server components or GET routes):
 * `export const addCommentAction = action(ZAddComment, (input, user) => addComment({ ...input, userId: user.id }))`
 * in a `lib/actions/<area>.ts` file marked "use server". The returned function takes the
 * schema's input type, requires a signed-in user (401 otherwise; never an API token),
 * parses the input (422 with field errors), runs `work` and answers an ActionResult; it never
 * throws. Next.js itself refuses actions posted from another origin. With `options.idempotent`
 * it also takes `{ idempotencyKey }` (see ActionOptions).
 */
export function action<S extends z.ZodType, T>(schema: S, work: (input: z.output<S>, user: SessionUser) => Promise<T>): Action<S, T>;
export function action<S extends z.ZodType, T>(
  schema: S,
  options: ActionOptions & { team: true | readonly Role[] },
  work: (input: z.output<S>, user: TeamUser) => Promise<T>,
): Action<S, T>;
export function action<S extends z.ZodType, T>(
  schema: S,
  options: ActionOptions,
  work: (input: z.output<S>, user: SessionUser) => Promise<T>,
): Action<S, T>;
export function action<S extends z.ZodType, T>(
  schema: S,
  optionsOrWork: ActionOptions | ((input: z.output<S>, user: SessionUser) => Promise<T>),
  maybeWork?: (input: z.output<S>, user: TeamUser) => Promise<T>,
): Action<S, T> {
  const options = typeof optionsOrWork === "function" ? {} : optionsOrWork;
  const work = (typeof optionsOrWork === "function" ? optionsOrWork : maybeWork!) as (input: z.output<S>, user: SessionUser) => Promise<T>;
  const execute = (input: z.input<S>, known?: SessionUser) =>
    runAction(
      (session) => {
        const user = options.team ? requireRole(session, options.team === true ? undefined : options.team) : session;
        return work(parseInput(schema, input), user);
      },
      { allowWithoutTwoFactor: options.allowWithoutTwoFactor === true, user: known },
    );
  const run = async (input: z.input<S>, call?: ActionCall): Promise<ActionResult<T>> => {
    // The second argument comes from the client as it pleases: null, a missing key and a key of null all mean
    // "no key" (readIdempotencyKey's null); anything else must be a well-formed key (422 otherwise).
    const sent: unknown = call !== null && typeof call === "object" ? call.idempotencyKey : undefined;
    if (!options.idempotent || sent === undefined || sent === null) return execute(input);
    try {
      const user = await requireApiUser({ allowWithoutTwoFactor: options.allowWithoutTwoFactor === true });
      const key = readIdempotencyKey(sent)!;
      // The key is kept for what the input says once parsed (422 first if it cannot be): the raw input is whatever
      // React decoded from the client, which may hold a BigInt ("$n1") or a cycle ("$0") that JSON cannot write.
      const request = { userId: user.id, key, method: "ACTION", path: options.idempotent, bodyHash: hashBody(parsedJson(schema, input)) };
      return await idempotentResult(request, () => execute(input, user));
    } catch (err) {
      return failure(err);
    }
  };
  return Object.assign(run, { [ACTION]: schema });
}

/**
 * The JSON text of `input` parsed by `schema` (what an idempotency key is kept for). Throws AppError 422 with the
 * schema's field errors when the input does not parse, or when its parsed value cannot be written as JSON.
 */
function parsedJson(schema: z.ZodType, input: unknown): string {
  const parsed = parseInput(schema, input);
  try {
    return JSON.stringify(parsed) ?? "";
  } catch {
    throw new AppError("unprocessable", "This request could not be read. Reload the page and try again.");
  }
}

/** Marks functions built by action(), so lib/actions/actions.test.ts can tell them apart. */
export const ACTION = Symbol.for("factdesk.action");
