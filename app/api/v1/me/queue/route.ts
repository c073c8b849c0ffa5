import { listQueue } from "@/lib/claims/assignments";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user" }, async ({ user }) => ({ queue: await listQueue({ userId: user.id }) }));
