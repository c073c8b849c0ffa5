// For integration tests of the job runner (graphile-worker, started by lib/jobs/instance.ts).
import { db } from "@/lib/db";

/** Resolves once `done()` is true, asking every `intervalMs` (50 ms unless given). Never times out: the test's own timeout does. */
export async function until(done: () => boolean | Promise<boolean>, intervalMs = 50): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}

export type JobRow = { attempts: number; last_error: string | null; locked_at: Date | null };

/** The stored row of job `id` (as enqueueJob returned it), or undefined once graphile-worker deleted it. */
export async function jobRow(id: string): Promise<JobRow | undefined> {
  const rows = await db.$queryRawUnsafe<JobRow[]>(
    `SELECT attempts, last_error, locked_at FROM graphile_worker._private_jobs WHERE id = $1::bigint`,
    id,
  );
  return rows[0];
}

/**
 * Resolves once job `id` is done: graphile-worker deletes its row after run() has returned and the completion
 * statement has committed. Between the two the row is still there, locked, so a test that read it as soon as its
 * run() had recorded something failed under load (CI of stop 39: `{ attempts: 1, locked_at: … }` instead of gone).
 */
export async function untilJobDone(id: string): Promise<void> {
  await until(async () => (await jobRow(id)) === undefined);
}

/**
 * Makes graphile-worker's completion of the jobs of task `taskName` (the DELETE of their row once run() returned)
 * take `ms` milliseconds, as on a loaded machine, so a test that reads a job's row as soon as run() recorded
 * something sees it still there, every time. Only that task's rows (other test files share the database).
 * Output: a function that removes the delay again.
 */
export async function slowJobCompletion(taskName: string, ms: number): Promise<() => Promise<void>> {
  const name = `slow_done_${taskName.replace(/\W/g, "_")}`.slice(0, 60);
  await db.$executeRawUnsafe(
    `CREATE FUNCTION graphile_worker.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF OLD.task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = ${quoteLiteral(taskName)}) THEN
         PERFORM pg_sleep(${ms / 1000});
       END IF;
       RETURN OLD;
     END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE DELETE ON graphile_worker._private_jobs FOR EACH ROW EXECUTE FUNCTION graphile_worker.${name}()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON graphile_worker._private_jobs`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS graphile_worker.${name}()`);
  };
}

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
