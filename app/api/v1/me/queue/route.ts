import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth";
import { listQueue } from "@/lib/claims/assignments";
import { apiRoute } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ queue: await listQueue({ userId: user.id }) });
});
