// Vitest setup for every test file (vitest.config.mts `setupFiles`): warnings that mean our code misuses a library
// fail the test that caused them instead of scrolling past in the output.
// - pg's "Calling client.query() when the client is already executing a query is deprecated": statements sent at once
//   on one connection (Promise.all over a transaction client queues them on its one connection; pg@9 will refuse).
//   Seen in the e2e server's log (stop 27, e2e/notifications): lib/notifications/notify.ts read three rows of one
//   transaction with Promise.all.
//   lib/db-client.ts raises its own warning from the second statement at once (pg's starts at the third).
import { afterEach } from "vitest";
import { CONCURRENT_QUERY_WARNING } from "@/lib/db-client";
import { WORKER_DATABASES_ENV } from "./vitest-database-env";

// `npm test` starts one PostgreSQL per worker (scripts/lib/vitest-database.ts): this worker takes its own.
const workerDatabases = process.env[WORKER_DATABASES_ENV];
if (workerDatabases) {
  const urls = JSON.parse(workerDatabases) as string[];
  process.env.DATABASE_URL = urls[(Number(process.env.VITEST_POOL_ID ?? "1") - 1) % urls.length];
}

const FAILING_WARNINGS: ((message: string) => boolean)[] = [
  (message) => /client\.query\(\) when the client is already executing a query/.test(message),
  (message) => message === CONCURRENT_QUERY_WARNING,
];

// Files that share a module graph (vitest.config.mts) run this file again each: one listener per process, kept on
// the process, so warnings are neither missed nor counted twice, and listeners don't pile up.
const SEEN = Symbol.for("factdesk.vitest.failingWarnings");
const holder = process as unknown as { [SEEN]?: Error[] };
const seen: Error[] = (holder[SEEN] ??= []);
if (!process.listeners("warning").some((listener) => SEEN in listener)) {
  const listener = Object.assign(
    (warning: Error) => {
      if (FAILING_WARNINGS.some((matches) => matches(warning.message))) seen.push(warning);
    },
    { [SEEN]: true },
  );
  process.on("warning", listener);
}

afterEach(() => {
  const warnings = seen.splice(0);
  if (warnings.length > 0) {
    throw new Error(
      `the test caused ${warnings.length} warning(s) our code must not cause:\n${warnings.map((w) => `${w.message}\n${(w as Error & { detail?: string }).detail ?? w.stack ?? ""}`).join("\n")}`,
    );
  }
});
