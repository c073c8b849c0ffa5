"use client";

// Unsent text in a claim's forms, kept in this browser per user and claim (localStorage) so it
// survives closing the panel, opening another claim, a colleague's change (which remounts
// sections keyed on the claim's version) and a reload. Saving a form clears its draft.
import { useState, useSyncExternalStore } from "react";

const PREFIX = "factdesk:draft:";
const listeners = new Set<() => void>();

const keyOf = (userId: string, claimId: string, form: string) => `${PREFIX}${userId}:${claimId}:${form}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // private modes can refuse storage: the forms still work, without drafts
  }
}

function notify() {
  for (const listener of listeners) listener();
}

function read<T>(key: string): T | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown | null) {
  const store = storage();
  if (!store) return;
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
  } catch {
    // Over quota: the draft is not kept, the form itself is unaffected.
  }
  notify();
}

/**
 * A form's state backed by a draft. Input: who, which claim, which form ("comment",
 * "reply:<id>", "verdict" …) and the value the form starts from; output: the value (the draft
 * if there is one), a setter that keeps a draft while the value differs from `baseline`, and
 * `clear` for after a successful save or a cancel (optionally resetting the value).
 */
export function useDraft<T>(userId: string, claimId: string, form: string, baseline: T): [T, (value: T) => void, (resetTo?: T) => void] {
  const key = keyOf(userId, claimId, form);
  const [value, setValue] = useState<T>(() => read<T>(key) ?? baseline);
  const same = (a: T) => JSON.stringify(a) === JSON.stringify(baseline);
  const set = (next: T) => {
    setValue(next);
    write(key, same(next) ? null : next);
  };
  /** Drops the draft; the form keeps showing what it shows (what was just saved) unless `resetTo` is given. */
  const clear = (resetTo?: T) => {
    write(key, null);
    if (resetTo !== undefined) setValue(resetTo);
  };
  return [value, set, clear];
}

/** Whether a form of this claim has a draft (the draft exists before any typing in this tab). */
export function hasDraft(userId: string, claimId: string, form: string): boolean {
  return read(keyOf(userId, claimId, form)) !== null;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key?.startsWith(PREFIX) && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function draftClaimIds(userId: string): string {
  const store = storage();
  if (!store) return "";
  const prefix = `${PREFIX}${userId}:`;
  const ids = new Set<string>();
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) ids.add(key.slice(prefix.length).split(":")[0]!);
  }
  return [...ids].sort().join(" ");
}

/** The ids of claims with a draft of this user, kept current as drafts come and go (for the list's "draft" mark). */
export function useDraftClaims(userId: string): ReadonlySet<string> {
  const joined = useSyncExternalStore(
    subscribe,
    () => draftClaimIds(userId),
    () => "",
  );
  return new Set(joined ? joined.split(" ") : []);
}
