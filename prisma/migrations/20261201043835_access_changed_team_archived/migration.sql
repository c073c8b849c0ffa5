-- A team archived (or restored) changes its members' access too: each member's open live streams end at commit, as
-- for the changes of migration access_changed_notify (whose periodic backstop on /api/v1/me/events is now 60 s).
-- Raw SQL only: prisma/schema.prisma is unchanged.
CREATE FUNCTION factdesk_team_access_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_notify('factdesk_access', json_build_object('userId', m."userId")::text)
    FROM "Membership" m WHERE m."teamId" = NEW."id";
    RETURN NULL;
  END
  $$;

CREATE TRIGGER "Team_access_archived" AFTER UPDATE OF "archivedAt" ON "Team"
  FOR EACH ROW WHEN (OLD."archivedAt" IS DISTINCT FROM NEW."archivedAt") EXECUTE FUNCTION factdesk_team_access_changed();
