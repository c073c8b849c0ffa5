import { route } from "@/lib/http/route";
import { searchTeam } from "@/lib/search/search";
import { ZSearch } from "@/lib/validation/search";

export const dynamic = "force-dynamic";

/** Full-text search of the active team's articles, claims, comments and evidence, ranked, one page at a time. */
export const GET = route({ auth: "user", team: true, query: ZSearch }, async ({ user, query }) => ({
  team: { id: user.teamId, name: user.teamName },
  ...(await searchTeam({ ...query, userId: user.id, teamId: user.teamId })),
}));
