import { expect, test } from "../fixtures/test";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";

// review30: a person's /api/v1/me/events stream now ends as their access changes (migration access_changed_notify),
// and the team change of that same transaction is dropped on purpose (the stream closes first). The browser reconnects
// 2 s later, checked afresh, but nothing told the page to read again: Needs me went on showing the old role's page
// until a reload. A stream that opens again now counts as a change (components/layout/useTeamChanges.ts).
test("Needs me reads itself again when the person's role changes while it is open", async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  await signIn(page, desk.viewer);
  // The page's team stream is open before the change, so the change happens while it is open.
  const streamOpened = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/me/events");
  await page.goto("/queue");
  await expect(page.getByText("Viewers have nothing to act on.")).toBeVisible();
  await streamOpened;

  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  try {
    expect((await signInByApi(admin, desk.admin)).status()).toBe(200);
    const member = await testDb().membership.findFirstOrThrow({ where: { userId: desk.viewer.id, teamId: desk.team.id } });
    expect((await admin.patch(`/api/v1/team/members/${member.id}`, { data: { role: "reviewer" } })).status()).toBe(200);
    // No reload: the page follows the change by itself.
    await expect(page.getByText(`What waits for you in ${desk.team.name}`)).toBeVisible({ timeout: 20_000 });
  } finally {
    await admin.dispose();
  }
});
