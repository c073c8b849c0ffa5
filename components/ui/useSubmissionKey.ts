"use client";

import { useRef } from "react";

/** 32 random hex characters; crypto.getRandomValues works on plain http too (randomUUID does not). */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * An Idempotency-Key per form submission, for create actions (lib/http/action.ts): the same
 * values sent again (a retry after "Could not reach Factdesk") carry the same key, so the
 * server answers the first result instead of creating a second copy. `keyFor(values)` gives
 * the key for these values (a new one when they changed); call `done()` once the create succeeded.
 */
export function useSubmissionKey() {
  const current = useRef<{ values: string; key: string } | null>(null);
  return {
    keyFor(values: unknown): string {
      const serialized = JSON.stringify(values);
      if (current.current?.values !== serialized) current.current = { values: serialized, key: randomKey() };
      return current.current.key;
    },
    done() {
      current.current = null;
    },
  };
}
