import { z } from "zod";

// Imported before any schema is built (lib/validation/fields.ts and parse.ts import it first).
// In the browser zod probes for eval with `new Function("")` when it builds an object schema;
// the Content-Security-Policy refuses that and Chromium reports it as a violation even though zod
// catches it. Jitless parsing never probes. The server keeps the JIT.
if (typeof window !== "undefined") z.config({ jitless: true });
