import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health/check-database";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const started = performance.now();
  const ok = await checkDatabase();
  const ms = Math.round(performance.now() - started);
  if (ok) return NextResponse.json({ status: "ok", database: "ok", ms });
  return NextResponse.json(
    { status: "unavailable", database: "unreachable", error: { code: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE } },
    { status: 503 },
  );
}
