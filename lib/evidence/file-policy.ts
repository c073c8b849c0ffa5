// Kept apart from files.ts (which reads the database) so proxy.ts can import it.

/** The Content-Security-Policy of an evidence file's response: a sandbox where nothing may run or load. */
export const EVIDENCE_FILE_CSP = "sandbox; default-src 'none'";
