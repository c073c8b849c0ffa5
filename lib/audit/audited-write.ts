// One statement that makes a change, appends its audit row and announces it, for the hot API paths (issue #21).
// recordAudit (lib/audit/record-audit.ts) does the same in two statements inside a transaction; here the change,
// the row and the NOTIFY travel as one data-modifying statement, which PostgreSQL runs atomically: the NOTIFY is
// delivered on commit, and when the change finds nothing to change nothing is audited or announced.
import { Prisma } from "@/lib/generated/prisma/client";
import { CHANGES_CHANNEL, type AuditInput } from "@/lib/audit/record-audit";

/** What the audit row records; team, article and claim come from the statement's `target`, the entity id from `written`. */
export type AuditedChange = Pick<AuditInput, "actorId" | "entity" | "action" | "before" | "after">;

const json = (value: Prisma.InputJsonValue | undefined) =>
  value === undefined ? Prisma.sql`NULL` : Prisma.sql`${JSON.stringify(value)}::jsonb`;

/**
 * The SQL of one audited write. Input: `ctes`, the statement's common table expressions (without WITH), which must
 * define `written` (the changed row, with its "id") and `target` (one row with "teamId", "articleId" and "claimId"
 * for the audit row); `change`, what the audit row says; `select`, the columns to return, read from `written` and
 * the relations in `from` (e.g. joined users), and from `audit`, the audit row as inserted (its "id", "teamId",
 * "articleId", "claimId", "action", "createdAt", "actorId" and "after": what the statement's own reads of AuditEvent
 * cannot see, lib/claims/load-records.ts recordEventsJsonSql's `written`). The audit row gets "entityId" = written."id", and its NOTIFY on
 * CHANGES_CHANNEL carries `{ id, articleId, teamId }`, as recordAudit's does. Output: a Prisma.Sql for $queryRaw;
 * it returns no row when `written` is empty. Pure.
 */
export function auditedWriteSql({
  ctes,
  change,
  select,
  from = Prisma.empty,
}: {
  ctes: Prisma.Sql;
  change: AuditedChange;
  select: Prisma.Sql;
  from?: Prisma.Sql;
}): Prisma.Sql {
  return Prisma.sql`
    WITH ${ctes},
    audit AS (
      INSERT INTO "AuditEvent" ("actorId", "teamId", "articleId", "claimId", "entity", "entityId", "action", "before", "after")
      SELECT ${change.actorId}, target."teamId", target."articleId", target."claimId", ${change.entity}, written."id", ${change.action},
             ${json(change.before)}, ${json(change.after)}
      FROM target, written
      RETURNING "id", "teamId", "articleId", "claimId", "action", "createdAt", "actorId", "after"
    )
    SELECT ${select},
           pg_notify(${CHANGES_CHANNEL}, json_build_object('id', audit."id"::text, 'articleId', audit."articleId", 'teamId', audit."teamId")::text)::text AS "notified"
    FROM written CROSS JOIN audit ${from}`;
}
