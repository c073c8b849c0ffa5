import { route } from "@/lib/http/route";
import { searchMembers } from "@/lib/teams/member-search";
import { ZMemberSearch } from "@/lib/validation/notifications";

export const dynamic = "force-dynamic";

/** Members of the active team by name or email, a page at a time, with their open assignments (the member picker). */
export const GET = route({ auth: "user", team: true, query: ZMemberSearch }, async ({ user, query }) =>
  searchMembers({ ...query, teamId: user.teamId, userId: user.id }),
);
