-- The claims a person gave an independent verdict on, read by person: the four-eyes rule bars them from signing those
-- off, so Needs me leaves them out of that person's sign-offs and its count (lib/claims/four-eyes.ts). Without it the
-- count would read every ReviewVerdict row of the desk for each editor.
CREATE INDEX "ReviewVerdict_reviewerId_claimId_idx" ON "ReviewVerdict"("reviewerId", "claimId");
