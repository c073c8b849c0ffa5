-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT,
    "claimId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticlePresence" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticlePresence_pkey" PRIMARY KEY ("articleId","userId")
);

-- CreateIndex
CREATE INDEX "AuditEvent_claimId_id_idx" ON "AuditEvent"("claimId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_articleId_id_idx" ON "AuditEvent"("articleId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_id_idx" ON "AuditEvent"("teamId", "id");

-- CreateIndex
CREATE INDEX "ArticlePresence_articleId_seenAt_idx" ON "ArticlePresence"("articleId", "seenAt");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep the history recorded so far: claim events become audit rows before their table goes.
INSERT INTO "AuditEvent" ("createdAt", "actorId", "teamId", "articleId", "claimId", "entity", "entityId", "action", "after")
SELECT e."createdAt", e."actorId", a."teamId", c."articleId", e."claimId", 'claim', e."claimId", e."action", e."detail"
FROM "ClaimEvent" e JOIN "Claim" c ON c."id" = e."claimId" JOIN "Article" a ON a."id" = c."articleId"
ORDER BY e."createdAt", e."id";

DROP TABLE "ClaimEvent";

-- The audit trail is append-only: refuse every UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
