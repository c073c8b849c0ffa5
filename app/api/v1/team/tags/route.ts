import { route } from "@/lib/http/route";
import { listTeamTags } from "@/lib/tags/tags";
import { ZListTags } from "@/lib/validation/tags";

export const dynamic = "force-dynamic";

/** The active team's tag vocabulary, by name, with counts; `?q=` keeps names containing it (ignoring case). */
export const GET = route({ auth: "user", team: true, query: ZListTags }, async ({ user, query }) => ({
  tags: await listTeamTags({ teamId: user.teamId, userId: user.id, q: query.q }),
}));
