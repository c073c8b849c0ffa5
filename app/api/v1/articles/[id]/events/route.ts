import { z } from "zod";
import { getArticle } from "@/lib/articles/get-article";
import { latestActivityId } from "@/lib/audit/list-activity";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { articleEventStream } from "@/lib/live/article-stream";
import { refuseNewStreamsWhileShuttingDown } from "@/lib/live/open-streams";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

const EVENT_ID = /^\d{1,18}$/;

/**
 * GET /api/v1/articles/{id}/events: server-sent events. `change` events carry one audit
 * row each (id = audit id); `presence` lists who has the article open. Resume with the
 * Last-Event-ID header (browsers send it on reconnect) or `?after=<audit id>`.
 */
export const GET = route(
  { auth: "user", params: ZIdParams, query: z.object({ after: z.string().max(40).optional() }) },
  async ({ request, user, params, query }) => {
    refuseNewStreamsWhileShuttingDown();
    if (!(await getArticle({ id: params.id, userId: user.id }))) throw notFound("That article");
    const resumeFrom = request.headers.get("last-event-id") ?? query.after;
    const afterId = BigInt(resumeFrom && EVENT_ID.test(resumeFrom) ? resumeFrom : await latestActivityId(params.id));
    return articleEventStream({ articleId: params.id, user, afterId, signal: request.signal });
  },
);
