-- A person's access changed: tell this person's open live streams at once (lib/live/change-listener.ts,
-- ACCESS_CHANNEL), so they end when the change commits instead of at their next periodic check (stop 29: a removed
-- member's /api/v1/me/events stream kept sending them events for up to 15 s). Raw SQL only: prisma/schema.prisma is
-- unchanged. Triggers, so every write path is covered (admin pages, API, scripts, a cascade from a deleted team):
-- a membership added, removed or changed (role, team); a session or API token revoked or deleted; a user disabled.
-- The payload is only the user's id; the stream closes and the browser reconnects, checked afresh on opening.
CREATE FUNCTION factdesk_access_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_TABLE_NAME = 'User' THEN
      PERFORM pg_notify('factdesk_access', json_build_object('userId', NEW."id")::text);
      RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      PERFORM pg_notify('factdesk_access', json_build_object('userId', OLD."userId")::text);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM pg_notify('factdesk_access', json_build_object('userId', NEW."userId")::text);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER "Membership_access_changed" AFTER INSERT OR DELETE OR UPDATE OF "role", "teamId", "userId" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION factdesk_access_changed();
CREATE TRIGGER "Session_access_revoked" AFTER UPDATE OF "revokedAt" ON "Session"
  FOR EACH ROW WHEN (NEW."revokedAt" IS NOT NULL AND OLD."revokedAt" IS NULL) EXECUTE FUNCTION factdesk_access_changed();
CREATE TRIGGER "Session_access_deleted" AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION factdesk_access_changed();
CREATE TRIGGER "ApiToken_access_revoked" AFTER UPDATE OF "revokedAt" ON "ApiToken"
  FOR EACH ROW WHEN (NEW."revokedAt" IS NOT NULL AND OLD."revokedAt" IS NULL) EXECUTE FUNCTION factdesk_access_changed();
CREATE TRIGGER "ApiToken_access_deleted" AFTER DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION factdesk_access_changed();
CREATE TRIGGER "User_access_disabled" AFTER UPDATE OF "disabled" ON "User"
  FOR EACH ROW WHEN (NEW."disabled" AND NOT OLD."disabled") EXECUTE FUNCTION factdesk_access_changed();
