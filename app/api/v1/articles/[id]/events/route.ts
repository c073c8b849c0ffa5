import { requireApiUser } from "@/lib/auth";
import { getArticle } from "@/lib/articles/get-article";
import { latestActivityId } from "@/lib/audit/list-activity";
import { notFound } from "@/lib/http/errors";
import type { IdContext } from "@/lib/http/params";
import { apiRoute } from "@/lib/http/respond";
import { articleEventStream } from "@/lib/live/article-stream";
import { refuseNewStreamsWhileShuttingDown } from "@/lib/live/open-streams";

export const dynamic = "force-dynamic";

const EVENT_ID = /^\d{1,18}$/;

/**
 * GET /api/v1/articles/{id}/events: server-sent events. `change` events carry one audit
 * row each (id = audit id); `presence` lists who has the article open. Resume with the
 * Last-Event-ID header (browsers send it on reconnect) or `?after=<audit id>`.
 */
export const GET = apiRoute<IdContext>(async (request, { params }) => {
  refuseNewStreamsWhileShuttingDown();
  const user = await requireApiUser();
  const { id } = await params;
  if (!(await getArticle({ id, userId: user.id }))) throw notFound("That article");
  const resumeFrom = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  const afterId = BigInt(resumeFrom && EVENT_ID.test(resumeFrom) ? resumeFrom : await latestActivityId(id));
  return articleEventStream({ articleId: id, userId: user.id, afterId, signal: request.signal });
});
