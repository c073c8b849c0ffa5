// The CPU-heavy steps a request may need, run in a worker thread (lib/workers/pool.ts loads this
// file in each worker). Each task gets plain data and gives plain data back; an AppError (a 422 the
// person should read) comes back as `{ ok: false, error }`, since an Error crossing threads keeps its
// message but not its code.
import { importArticle, type ImportedArticle, type ImportFormat } from "../articles/import";
import { importPdf, type PdfField } from "../articles/import/pdf";
import { planReanchor, type AnchorUpdate, type StoredAnchor } from "../articles/reanchor-plan";
import { AppError } from "../http/errors";
import { suggestClaims } from "../suggestions";
import type { Suggestion } from "../suggestions";

export type HeavyTasks = {
  importArticle: { input: { format: ImportFormat; content: string; leadingHeading?: "title" | "body" }; output: ImportedArticle };
  suggestClaims: { input: { body: string }; output: Suggestion[] };
  planReanchor: {
    input: {
      claims: StoredAnchor[];
      current: { version: number; body: string };
      bodies: Map<number, string>;
      newBody: string;
      newVersion: number;
    };
    output: AnchorUpdate[];
  };
  importAndSuggest: {
    input: { format: ImportFormat; content: string; leadingHeading?: "title" | "body" };
    output: { imported: ImportedArticle; suggestions: Suggestion[] };
  };
  importPdfAndSuggest: {
    input: { bytes: Uint8Array; field?: PdfField };
    output: { imported: ImportedArticle; suggestions: Suggestion[] };
  };
};
export type HeavyTaskName = keyof HeavyTasks;
export type HeavyRequest<K extends HeavyTaskName = HeavyTaskName> = { task: K; input: HeavyTasks[K]["input"] };
export type HeavyReply<K extends HeavyTaskName = HeavyTaskName> =
  | { ok: true; output: HeavyTasks[K]["output"] }
  | { ok: false; error: { code: AppError["code"]; message: string; fields?: AppError["fields"] } };

const TASKS: { [K in HeavyTaskName]: (input: HeavyTasks[K]["input"]) => HeavyTasks[K]["output"] | Promise<HeavyTasks[K]["output"]> } = {
  importArticle: (input) => importArticle(input),
  suggestClaims: ({ body }) => suggestClaims(body),
  planReanchor: ({ claims, current, bodies, newBody, newVersion }) => planReanchor(claims, current, bodies, newBody, newVersion),
  importAndSuggest: (input) => {
    const imported = importArticle(input);
    return { imported, suggestions: suggestClaims(imported.body) };
  },
  importPdfAndSuggest: async ({ bytes, field }) => {
    const imported = await importPdf(bytes, field);
    return { imported, suggestions: suggestClaims(imported.body) };
  },
};

/**
 * The worker's entry point (piscina calls the default export): runs `request.task` on `request.input`.
 * Resolves to `{ ok: true, output }`, or `{ ok: false, error }` for an AppError; any other error is thrown (a bug).
 */
export default async function runHeavyTask(request: HeavyRequest): Promise<HeavyReply> {
  try {
    const run = TASKS[request.task] as (input: unknown) => unknown;
    return { ok: true, output: (await run(request.input)) as HeavyTasks[HeavyTaskName]["output"] };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, fields: err.fields } };
    throw err;
  }
}
