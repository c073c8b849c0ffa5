import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
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
