"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/http/result";

/** Runs a server action (or a readApi GET), tracking pending state and a readable error; resolves to the data or null. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  async function run<T>(action: () => Promise<ActionResult<T>>): Promise<T | null> {
    setPending(true);
    setError(null);
    setConflict(false);
    try {
      const result = await action();
      if (result.ok) return result.data;
      setError(result.error.message);
      setConflict(result.error.code === "conflict");
      return null;
    } catch {
      setError("Could not reach Factdesk. What you typed is still here; try again.");
      return null;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, conflict, clearError: () => setError(null) };
}
