// The comparison server for bench/api-load.ts: plain node:http + pg doing the SQL work Factdesk's
// API does for the same requests, written the shortest sensible way: the token, its user and the
// membership in one query, the per-token rate-limit upsert, the access check folded into the
// write's WHERE, the audit row and a NOTIFY in the same transaction, RETURNING instead of a re-select.
// Not part of the app; started by the bench as its own process (PORT, DATABASE_URL).
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) });
// An idle connection that PostgreSQL (or the bench's counting proxy) closes makes the pool emit 'error'; without a
// listener that killed the process, printing the whole pg Client (bench/api-load-bare.int.test.ts). The pool drops
// that connection and opens another on next use, as lib/db.ts's pools do.
pool.on("error", (err) => console.error("[bare] pool error:", err.message));
const WRITERS = ["admin", "editor", "reviewer"];
const VERDICTS: Record<string, [number, string]> = { true: [5, "True"], false: [1, "False"], misleading: [3, "Misleading"] };

type Actor = { userId: string; tokenId: string; teamId: string; role: string };

async function authenticate(req: IncomingMessage): Promise<Actor | null> {
  const secret = (req.headers.authorization ?? "").replace(/^Bearer /, "");
  const hash = createHash("sha256").update(secret, "utf8").digest("hex");
  const { rows } = await pool.query<Actor>(
    `SELECT t."id" AS "tokenId", u."id" AS "userId", m."teamId", m."role"
     FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" JOIN "Membership" m ON m."userId" = u."id"
     WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > now()) AND NOT u."disabled"
     ORDER BY m."createdAt" LIMIT 1`,
    [hash],
  );
  const actor = rows[0];
  if (!actor) return null;
  await pool.query(
    `INSERT INTO "ApiRateWindow" ("key", "windowStart", "count") VALUES ($1, date_trunc('minute', now()), 1)
     ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1`,
    [`token:${actor.tokenId}`],
  );
  return actor;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
}

/** Runs `work` in a transaction with an audit row and a NOTIFY; null (404) when `work` finds nothing. */
async function audited<T extends { id: string; articleId: string }>(
  actor: Actor,
  action: string,
  work: (client: pg.PoolClient) => Promise<T | undefined>,
): Promise<T | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const row = await work(client);
    if (!row) {
      await client.query("ROLLBACK");
      return null;
    }
    await client.query(
      `WITH e AS (INSERT INTO "AuditEvent" ("actorId", "teamId", "articleId", "claimId", "entity", "entityId", "action")
                  VALUES ($1, $2, $3, $4, 'claim', $4, $5) RETURNING "id")
       SELECT pg_notify('factdesk_bench', (SELECT "id"::text FROM e))`,
      [actor.userId, actor.teamId, row.articleId, row.id, action],
    );
    await client.query("COMMIT");
    return row;
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

const SCOPE = `EXISTS (SELECT 1 FROM "Article" a JOIN "Membership" m ON m."teamId" = a."teamId"
                       WHERE a."id" = c."articleId" AND m."userId" = $1 AND m."role" = ANY($2::"Role"[]))`;

type ClaimRow = {
  id: string;
  articleId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  status: string;
  verdictOrdinal: number | null;
  verdictLabel: string | null;
  verdictKey: string | null;
  verdictExplanation: string | null;
  verdictAt: string | null;
  version: number;
  commentCount: number;
  evidenceCount: number;
  createdAt: string;
  updatedAt: string;
  anchorStatus: string;
  anchorVersion: number;
  anchorConfidence: number | null;
  anchorMethod: string | null;
  verdictById: string | null;
  verdictByName: string | null;
  createdById: string;
  createdByName: string;
  updatedById: string;
  updatedByName: string;
};
const STATUS_LABELS: Record<string, string> = {
  unreviewed: "Unreviewed",
  in_review: "In review",
  verdict_proposed: "Verdict proposed",
  disputed: "Disputed",
  verified: "Verified",
  not_check_worthy: "Not check-worthy",
};

/** A claim row as the document Factdesk's API sends (lib/claims/dto.ts claimDTOWithPeople), for the same bytes. */
function claimDocument(c: ClaimRow) {
  return {
    id: c.id,
    articleId: c.articleId,
    exact: c.exact,
    start: c.start,
    end: c.end,
    target: {
      source: `/api/v1/articles/${c.articleId}`,
      selector: [
        { type: "TextQuoteSelector", exact: c.exact, prefix: c.prefix, suffix: c.suffix },
        { type: "TextPositionSelector", start: c.start, end: c.end },
      ],
    },
    status: c.status,
    statusLabel: STATUS_LABELS[c.status] ?? c.status,
    verdict:
      c.verdictOrdinal === null
        ? null
        : {
            key: c.verdictKey,
            label: c.verdictLabel ?? "",
            ordinal: c.verdictOrdinal,
            explanation: c.verdictExplanation ?? "",
            by: c.verdictById === null ? null : { id: c.verdictById, name: c.verdictByName },
            at: c.verdictAt,
            checkedBy: [],
            via: null,
          },
    version: c.version,
    createdBy: { id: c.createdById, name: c.createdByName },
    updatedBy: { id: c.updatedById, name: c.updatedByName },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    counts: { comments: c.commentCount, evidence: c.evidenceCount },
    anchor: { status: c.anchorStatus, version: c.anchorVersion, confidence: c.anchorConfidence, method: c.anchorMethod },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const send = (status: number, payload: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(payload));
  };
  const actor = await authenticate(req);
  if (!actor) return send(401, { error: { code: "unauthorized" } });
  const url = new URL(req.url ?? "/", "http://localhost");
  const parts = url.pathname.split("/").filter(Boolean); // api v1 claims <id> comments
  const [, , kind, id, sub] = parts;
  if (kind === "claims" && sub === "comments" && req.method === "POST") {
    const input = await body(req);
    const row = await audited(actor, "comment.added", async (client) => {
      const { rows } = await client.query<{ id: string; articleId: string }>(
        `INSERT INTO "Comment" ("id", "claimId", "authorId", "body")
         SELECT $3, c."id", $1, $4 FROM "Claim" c WHERE c."id" = $5 AND ${SCOPE}
         RETURNING "id", "claimId", "body", "createdAt", (SELECT "articleId" FROM "Claim" WHERE "id" = $5) AS "articleId"`,
        [actor.userId, WRITERS, randomUUID(), String(input.body), id],
      );
      return rows[0];
    });
    return row ? send(201, { comment: row }) : send(404, { error: { code: "not_found" } });
  }
  if (kind === "claims" && (sub === "status" || sub === "verdict") && req.method === "PUT") {
    const input = await body(req);
    const row = await audited(actor, sub === "status" ? "claim.status" : "claim.verdict", async (client) => {
      const [ordinal, label] = VERDICTS[String(input.verdict)] ?? [3, "Misleading"];
      const set =
        sub === "status"
          ? `"status" = $3::"ClaimStatus"`
          : `"verdictOrdinal" = ${ordinal}, "verdictLabel" = '${label}', "verdictExplanation" = $3, "verdictById" = $1, "verdictAt" = now()`;
      const { rows } = await client.query<{ id: string; articleId: string }>(
        `UPDATE "Claim" c SET ${set}, "version" = c."version" + 1, "updatedById" = $1, "updatedAt" = now()
         WHERE c."id" = $4 AND ${SCOPE} RETURNING c.*`,
        [actor.userId, WRITERS, sub === "status" ? String(input.status) : String(input.explanation), id],
      );
      return rows[0];
    });
    return row ? send(200, { claim: row }) : send(404, { error: { code: "not_found" } });
  }
  if (kind === "articles" && sub === "claims" && req.method === "POST") {
    const input = (await body(req)) as {
      target: { selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] };
    };
    const [quote, position] = input.target.selector;
    const row = await audited(actor, "claim.created", async (client) => {
      const { rows } = await client.query<{ id: string; articleId: string }>(
        `INSERT INTO "Claim" ("id", "articleId", "exact", "prefix", "suffix", "start", "end", "createdById", "updatedById", "updatedAt")
         SELECT $3, a."id", $4, $5, $6, $7, $8, $1, $1, now() FROM "Article" a
         WHERE a."id" = $9 AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = a."teamId" AND m."userId" = $1 AND m."role" = ANY($2::"Role"[]))
         RETURNING *`,
        [actor.userId, WRITERS, randomUUID(), quote.exact, quote.prefix, quote.suffix, position.start, position.end, id],
      );
      return rows[0];
    });
    return row ? send(201, { claim: row }) : send(404, { error: { code: "not_found" } });
  }
  if (kind === "articles" && sub === "claims" && req.method === "GET") {
    // The columns Factdesk's claim page reads (lib/claims/claim-pages.ts, full view), and the same document: a claim
    // the way GET /api/v1/articles/{id}/claims sends it, key for key. (Until stop 38 this read the bare minimum and
    // answered half the bytes, so the comparison charged Factdesk for the larger answer as if it were overhead.)
    const iso = (column: string) => `to_char(c."${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const person = (column: string) => `(SELECT u."name" FROM "User" u WHERE u."id" = c."${column}Id") AS "${column}Name"`;
    const { rows } = await pool.query<ClaimRow>(
      `SELECT c."id", c."articleId", c."exact", c."prefix", c."suffix", c."start", c."end", c."status", c."verdictOrdinal",
              c."verdictLabel", c."verdictKey", c."verdictExplanation", ${iso("verdictAt")} AS "verdictAt", c."version",
              c."commentCount", c."evidenceCount", ${iso("createdAt")} AS "createdAt", ${iso("updatedAt")} AS "updatedAt",
              c."anchorStatus", c."anchorVersion", c."anchorConfidence", c."anchorMethod",
              c."verdictById", ${person("verdictBy")}, c."createdById", ${person("createdBy")}, c."updatedById", ${person("updatedBy")}
       FROM "Claim" c
       WHERE c."articleId" = $3 AND ${SCOPE.replace('m."role" = ANY($2::"Role"[])', "$2::text[] IS NOT NULL")}
       ORDER BY c."start", c."end" DESC, c."createdAt", c."id" LIMIT 201`,
      [actor.userId, WRITERS, id],
    );
    return send(200, { claims: rows.slice(0, 200).map(claimDocument), nextCursor: null });
  }
  if (kind === "articles" && !sub && req.method === "GET") {
    const { rows } = await pool.query(
      `SELECT a."id", a."title", a."body", a."blocks", a."version", a."publishedAt", a."createdAt" FROM "Article" a
       WHERE a."id" = $2 AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = a."teamId" AND m."userId" = $1)`,
      [actor.userId, id],
    );
    return rows[0] ? send(200, { article: rows[0] }) : send(404, { error: { code: "not_found" } });
  }
  send(404, { error: { code: "not_found" } });
}

createServer((req, res) => {
  handle(req, res).catch((err: unknown) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
// Exit normally on the bench's SIGTERM, so that a CPU profile (BENCH_CPU_PROF) is written.
process.on("SIGTERM", () => process.exit(0));
