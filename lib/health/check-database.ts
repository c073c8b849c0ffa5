import { priorityDb } from "@/lib/db";

/**
 * A real round trip to PostgreSQL (SELECT 1): true when it answered, false (and logged) when the query failed or
 * the database is unreachable. Never throws.
 */
export async function checkDatabase(): Promise<boolean> {
  try {
    const rows = await priorityDb.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
    return rows[0]?.ok === 1;
  } catch (err) {
    console.error("[health] database check failed:", err instanceof Error ? err.message : err);
    return false;
  }
}
