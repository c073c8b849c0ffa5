// A pool of worker threads for CPU-heavy request steps (parsing an import, detecting suggestions), so
// one big or hostile input cannot stall every other request on the instance: the main thread only
// waits for the answer. Each task has a time budget; past it the worker is stopped (piscina ends the
// thread on abort) and the request answers 422 with a message.
import { availableParallelism } from "node:os";
import path from "node:path";
import Piscina from "piscina";
import { config } from "@/lib/config";
import { AppError } from "@/lib/http/errors";
import type { HeavyReply, HeavyRequest, HeavyTaskName, HeavyTasks } from "@/lib/workers/heavy-tasks";

// The worker runs the TypeScript sources, as the server does: `npm start` and the tests start Node with
// `--import tsx`, which worker threads inherit; added here when a caller (e.g. a test runner) lacks it.
// The file is found from the project root (the server's working directory), not from this module,
// which Next.js bundles elsewhere.
const WORKER_FILE = path.join(process.cwd(), "lib", "workers", "heavy-tasks.ts");
const hasTsx = (argv: readonly string[]) =>
  argv.some((arg, i) => arg === "tsx" && argv[i - 1] === "--import") || argv.includes("--import=tsx");

const globalForPool = globalThis as unknown as { factdeskHeavyPool?: Piscina };

function pool(): Piscina {
  globalForPool.factdeskHeavyPool ??= new Piscina({
    filename: WORKER_FILE,
    // One core stays with the main thread, which answers every other request.
    maxThreads: config.workerThreads || Math.max(1, availableParallelism() - 1),
    // Starting a worker loads the sources and the language model (seconds on a busy machine): keep the
    // threads once started, and start one when the server starts (warmHeavyPool).
    minThreads: 1,
    idleTimeout: Number.POSITIVE_INFINITY,
    // Past this many waiting, a request is refused at once (503) rather than queued for minutes.
    maxQueue: 64,
    execArgv: hasTsx(process.execArgv) ? process.execArgv : [...process.execArgv, "--import", "tsx"],
  });
  return globalForPool.factdeskHeavyPool;
}

/**
 * Starts the pool's first worker and loads the heavy modules in it, so the first import or page that needs
 * them does not wait for that. Called once at server start (instrumentation.ts); never throws (failures are
 * logged, and the next real task tries again).
 */
export async function warmHeavyPool(): Promise<void> {
  try {
    await runHeavy("suggestClaims", { body: "Warming up: the council spent 2.3 per cent more in 2024." }, { budgetMs: 120_000 });
  } catch (err) {
    console.error("[workers] warm-up failed:", err instanceof Error ? err.message : err);
  }
}

/**
 * Runs the heavy task `task` on `input` in a worker thread, within `budgetMs` milliseconds of CPU-and-queue
 * time (default WORKER_BUDGET_MS, 20,000). Output: the task's result, as the task function would return it.
 * @throws AppError as the task threw it (e.g. 422 for an import with no text); 422 `unprocessable` naming
 * `what` when the budget runs out (the worker is stopped); 503 `database_unavailable` ("busy") when too many
 * heavy tasks already wait; other errors of the task (bugs) as plain Errors.
 */
export async function runHeavy<K extends HeavyTaskName>(
  task: K,
  input: HeavyTasks[K]["input"],
  { what = "That input", budgetMs = config.workerBudgetMs }: { what?: string; budgetMs?: number } = {},
): Promise<HeavyTasks[K]["output"]> {
  const request: HeavyRequest<K> = { task, input };
  let reply: HeavyReply<K>;
  try {
    reply = (await pool().run(request, { signal: AbortSignal.timeout(budgetMs) })) as HeavyReply<K>;
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    if (name === "AbortError" || name === "TimeoutError") {
      const seconds = Math.round(budgetMs / 100) / 10;
      throw new AppError(
        "unprocessable",
        `${what} took longer than ${seconds} s to process and was stopped. Send a smaller or simpler one.`,
        {
          content: [`Processing took longer than ${seconds} s.`],
        },
      );
    }
    if (err instanceof Error && /queue is full|Task queue is at limit/i.test(err.message)) {
      throw new AppError("database_unavailable", "The server is busy with other large imports. Try again in a moment.", undefined, {
        "Retry-After": "5",
      });
    }
    throw err;
  }
  if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, reply.error.fields);
  return reply.output;
}
