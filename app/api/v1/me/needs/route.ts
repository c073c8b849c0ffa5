import { z } from "zod";
import { route } from "@/lib/http/route";
import { listNeedsMe } from "@/lib/needs/needs-me";

export const dynamic = "force-dynamic";

/** What waits for the caller in the active team ("Needs me"); `count=1` answers with the counts only. */
export const GET = route(
  { auth: "user", team: true, query: z.object({ count: z.enum(["1"], { message: "Use count=1 for the counts only." }).optional() }) },
  async ({ user, query }) => listNeedsMe({ userId: user.id, teamId: user.teamId, countOnly: query.count === "1" }),
);
