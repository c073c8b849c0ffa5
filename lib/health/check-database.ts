import { db } from "@/lib/db";

/** A real round trip to PostgreSQL. */
export async function checkDatabase(): Promise<boolean> {
  try {
    const rows = await db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
    return rows[0]?.ok === 1;
  } catch (err) {
    console.error("[health] database check failed:", err instanceof Error ? err.message : err);
    return false;
  }
}
