import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A sign-in whose attempt is already counted (reserveLoginAttempt), with the credentials as the
 * one strict parser read them. It travels from the credentials callback's route to next-auth's
 * authorize() in this request's async context, which no client can reach or forge.
 */
export type ReservedSignIn = {
  attemptId: bigint;
  email: string;
  password: string;
  /** The second factor (TOTP or recovery code) when the form sent one (lib/two-factor/second-factor.ts). */
  code?: string;
  /** Set once authorize() has begun checking the password. */
  checked: boolean;
};

// On globalThis: the route and lib/auth.ts must share one store even if a bundle holds two copies of this module.
const globalForSignIn = globalThis as unknown as { factdeskReservedSignIn?: AsyncLocalStorage<ReservedSignIn> };
const store = (globalForSignIn.factdeskReservedSignIn ??= new AsyncLocalStorage<ReservedSignIn>());

/** Runs `work` (next-auth's handler) with `signIn` as the reserved sign-in of this request. */
export function runWithReservedSignIn<T>(signIn: ReservedSignIn, work: () => Promise<T>): Promise<T> {
  return store.run(signIn, work);
}

/** The reserved sign-in of the request being handled, or null outside the credentials callback. */
export function reservedSignIn(): ReservedSignIn | null {
  return store.getStore() ?? null;
}
