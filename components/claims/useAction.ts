"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/http/result";

/** Runs a server action (or a readApi GET), tracking pending state and a readable error; resolves to the data or null. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // The server asks for a public note first: the change touches the published report.
  const [needsCorrection, setNeedsCorrection] = useState(false);

  async function run<T>(action: () => Promise<ActionResult<T>>): Promise<T | null> {
    setPending(true);
    setError(null);
    setConflict(false);
    setNeedsCorrection(false);
    try {
      const result = await action();
      if (result.ok) return result.data;
      setError(result.error.message);
      const correction = result.error.fields?.confirmCorrection !== undefined;
      setNeedsCorrection(correction);
      setConflict(result.error.code === "conflict" && !correction);
      return null;
    } catch {
      setError("Could not reach Factdesk. What you typed is still here; try again.");
      return null;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, conflict, needsCorrection, clearError: () => setError(null) };
}
