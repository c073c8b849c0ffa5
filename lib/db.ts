import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: process.env.DATABASE_URL,
      max: config.databasePoolSize,
      connectionTimeoutMillis: config.databaseConnectTimeoutMs,
      idleTimeoutMillis: 30_000,
    },
    {
      // Without these listeners a dropped PostgreSQL connection emits an unhandled
      // 'error' event and kills the process; with them the pool reconnects on next use.
      onPoolError: (err) => console.error("[db] pool error:", err.message),
      onConnectionError: (err) => console.error("[db] connection error:", err.message),
    },
  );
  return new PrismaClient({
    adapter,
    // Under a burst of writes, transactions queue for one of the pool's connections. Prisma's
    // default wait (2 s) is shorter than a plain query's connect timeout, so a busy moment
    // failed writes that would have succeeded; both now wait the same, configured time.
    transactionOptions: { maxWait: config.databaseConnectTimeoutMs, timeout: 15_000 },
  });
}

const globalForDb = globalThis as unknown as { factdeskDb?: PrismaClient };

/** The one Prisma client. Only lib/<domain> modules import it. */
export const db: PrismaClient = globalForDb.factdeskDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.factdeskDb = db;

/** The client a data-layer function runs on: the shared one, or a caller's transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/**
 * Runs `work` in one transaction: the caller's, when `client` already is one (so domain
 * functions compose), else a new transaction on `client` with `options` (maxWait/timeout, ms).
 * Output: what `work` returns; errors thrown by `work` roll the transaction back and propagate.
 */
export function inTransaction<T>(
  client: DbClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return isRootClient(client) ? client.$transaction(work, options) : work(client);
}

// A transaction client has no $transaction of its own (Prisma leaves it out).
const isRootClient = (client: DbClient): client is PrismaClient => typeof (client as Partial<PrismaClient>).$transaction === "function";
