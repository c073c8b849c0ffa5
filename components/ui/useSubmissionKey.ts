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
 * the key for these values (a new one for values not sent before); call `done(values)` once the
 * create of these values succeeded (`done()`: forget every key). Keys of other values sent meanwhile
 * are kept: a form that sends again before an answer (the article page adds a second claim while the
 * first saves) must not lose the key of a submission whose answer may be lost.
 */
export function useSubmissionKey() {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor(values: unknown): string {
      const serialized = JSON.stringify(values);
      let key = keys.current.get(serialized);
      if (key === undefined) keys.current.set(serialized, (key = randomKey()));
      return key;
    },
    done(values?: unknown) {
      if (values === undefined) keys.current.clear();
      else keys.current.delete(JSON.stringify(values));
    },
  };
}
