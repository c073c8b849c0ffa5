import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * A cheap signed-in check for an open tab (components/layout/SessionKeepAlive.tsx): being a GET, it lets the proxy
 * re-issue the session cookie when due (lib/sessions/reissue-cookie.ts), so a tab that only makes server actions
 * (which never write cookies) keeps its session while it is open and visible. Answers the caller's user id; 401 when
 * the session ended.
 */
export const GET = route({ auth: "session" }, async ({ user }) => ({ userId: user.id }));
