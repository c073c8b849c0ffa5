import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health/check-database";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Public (see lib/http/public-routes.ts): no data, only whether the database answers.
export const GET = route({ auth: "public" }, async () => {
  const started = performance.now();
  const ok = await checkDatabase();
  const ms = Math.round(performance.now() - started);
  if (ok) return NextResponse.json({ status: "ok", database: "ok", ms });
  return NextResponse.json(
    { status: "unavailable", database: "unreachable", error: { code: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE } },
    { status: 503 },
  );
});
