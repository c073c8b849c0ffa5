// A newsroom sets itself up from a fresh database, as `npm start` runs it: the setup link it prints,
// the first admin and team (signed in at once), an invitation received over SMTP, the invitee joining (signed
// in at once), a password reset by email, and a single sign-on through a real OIDC provider that puts a new person in
// the right team with the right role. Real SMTP server and OIDC provider on loopback; real Chromium.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, hydrated, test, type Browser, type Page } from "../fixtures/test";
import { freePort } from "../../scripts/lib/free-port";
import { startOidcProvider } from "../fixtures/oidc";
import { startProcess, waitForHealth } from "../fixtures/processes";
import { linkIn, startSmtpServer } from "../fixtures/smtp";

const TEAM = "Metro desk";
const ADMIN = { email: "chief@newsroom.test", password: "first admin passphrase" };
const INVITEE = { email: "writer@newsroom.test", password: "invitee long passphrase", reset: "after the reset passphrase" };
const SSO_PERSON = "sso.reviewer@newsroom.test";

async function signInWithForm(page: Page, who: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

// With SHOTS_DIR set, the pages of the journey are also photographed at four widths (for people to look at;
// nothing is asserted on them).
const SHOT_WIDTHS = [1440, 1024, 820, 390];
async function shoot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of SHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

async function freshPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("a newsroom sets itself up: setup link, first admin and team, invitation by email, reset by email, SSO", async ({ browser }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-newsroom-"));
  chmodSync(dataDir, 0o755);
  const [appPort, pgPort] = [await freePort(), await freePort()];
  const baseURL = `http://localhost:${appPort}`;
  const smtp = await startSmtpServer();
  const idp = await startOidcProvider(baseURL);
  const app = startProcess("npx", ["tsx", "scripts/start.ts"], {
    FACTDESK_DATA_DIR: dataDir,
    PORT: String(appPort),
    EMBEDDED_PG_PORT: String(pgPort),
    DATABASE_URL: "",
    NEXTAUTH_URL: "",
    NEXTAUTH_SECRET: "",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Factdesk <factdesk@newsroom.test>",
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_NAME: "Newsroom SSO",
    OIDC_ALLOWED_DOMAINS: "newsroom.test",
    OIDC_DEFAULT_TEAM: TEAM,
    OIDC_DEFAULT_ROLE: "reviewer",
  });
  try {
    await waitForHealth(baseURL, 200, app, 180_000);
    const printed = app.output();
    expect(printed).toContain("admin@demo.factdesk.test");
    const setupLink = /(http:\/\/\S+\/setup\?token=\S+)/.exec(printed)?.[1];
    expect(setupLink, printed).toBeTruthy();

    // The setup link: first admin and first team.
    const admin = await freshPage(browser, baseURL);
    await admin.goto(setupLink!);
    await shoot(admin, "setup");
    await admin.getByLabel("Team name").fill(TEAM);
    await admin.getByLabel("Your name").fill("Chief Editor");
    await admin.getByLabel("Your email").fill(ADMIN.email);
    await admin.getByLabel("Password").fill(ADMIN.password);
    await admin.getByRole("button", { name: "Create admin and team" }).click();
    // Signed in with the password just typed (no second form), on the Team page where a new admin starts.
    await expect(admin).toHaveURL(/\/team$/);
    await expect(admin.getByRole("heading", { name: TEAM })).toBeVisible();
    await expect(admin.getByText("you are an admin")).toBeVisible();
    await shoot(admin, "setup-done");
    // Used up: the page and the route both refuse it now.
    await admin.goto(setupLink!);
    await expect(admin.getByRole("alert").filter({ hasText: "no longer works" })).toBeVisible();
    const token = new URL(setupLink!).searchParams.get("token")!;
    const again = await admin.request.post("/api/setup", {
      headers: { origin: baseURL },
      data: { token, teamName: "Second", name: "Someone", email: "someone@newsroom.test", password: "another long passphrase" },
    });
    expect(again.status()).toBe(404);

    // The admin, still signed in, invites a colleague by email.
    await admin.goto("/team");
    await expect(admin.getByRole("heading", { name: TEAM })).toBeVisible();
    await admin.getByLabel("Email to invite").fill(INVITEE.email);
    await admin.getByLabel("Role of the invitee").selectOption("editor");
    await admin.getByRole("button", { name: "Invite" }).click();
    await expect(admin.getByTestId("invitation-link")).toContainText(`Invitation emailed to ${INVITEE.email}`);
    await shoot(admin, "team-admin");
    const invitation = await smtp.waitFor(INVITEE.email, /\/join\?token=/);
    const joinLink = linkIn(invitation, "/join?token=");

    // The invitee joins through the link, then signs in.
    const invitee = await freshPage(browser, baseURL);
    // Bound to the address: another one gets the same answer as a dead link, and the link still works after.
    const joinToken = new URL(joinLink).searchParams.get("token")!;
    const elsewhere = await invitee.request.post("/api/invitations/accept", {
      headers: { origin: baseURL },
      data: { token: joinToken, email: "intruder@newsroom.test", name: "Intruder", password: "intruder long passphrase" },
    });
    expect(elsewhere.status()).toBe(404);
    await invitee.goto(joinLink);
    await expect(invitee.getByRole("heading", { name: `Join ${TEAM}` })).toBeVisible();
    await shoot(invitee, "join");
    await invitee.getByLabel("Your name").fill("Wendy Writer");
    await invitee.getByLabel("Password", { exact: true }).fill(INVITEE.password);
    await invitee.getByRole("button", { name: `Join ${TEAM}` }).click();
    // Signed in straight away, on the articles list where a new member starts.
    await expect(invitee).toHaveURL(/\/articles$/);
    await shoot(invitee, "joined");
    await invitee.goto(joinLink);
    await expect(invitee.getByRole("alert").filter({ hasText: "no longer works" })).toBeVisible();
    await invitee.goto("/team");
    await expect(invitee.getByTestId(`member-${INVITEE.email}`)).toContainText("editor");

    // Forgot password: a reset link by email, used once.
    const forgetful = await freshPage(browser, baseURL);
    await forgetful.goto("/signin");
    await forgetful.getByRole("link", { name: "Forgot password?" }).click();
    // A plain link: a new document, and only goto/reload wait for one to hydrate. Typed into before React listens, the
    // form submits itself natively (a GET, the address lost) and the status never comes: seen twice in full runs.
    await forgetful.waitForURL(/\/forgot-password$/);
    await hydrated(forgetful);
    await shoot(forgetful, "forgot-password");
    await forgetful.getByLabel("Email").fill(INVITEE.email);
    await forgetful.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(forgetful.getByRole("status")).toContainText("If that address has an account");
    const resetMail = await smtp.waitFor(INVITEE.email, /\/reset-password\?token=/);
    const resetLink = linkIn(resetMail, "/reset-password?token=");
    await forgetful.goto(resetLink);
    await shoot(forgetful, "reset-password");
    // Bound to the address: typed with another one, the link refuses and stays usable for its own.
    await forgetful.getByLabel("Your email").fill(ADMIN.email);
    await forgetful.getByLabel("New password").fill("someone else's passphrase");
    await forgetful.getByRole("button", { name: "Set new password" }).click();
    await expect(forgetful.getByRole("alert").filter({ hasText: "no longer works" })).toBeVisible();
    await forgetful.goto(resetLink);
    await forgetful.getByLabel("Your email").fill(INVITEE.email);
    await forgetful.getByLabel("New password").fill(INVITEE.reset);
    await forgetful.getByRole("button", { name: "Set new password" }).click();
    await expect(forgetful.getByRole("status")).toContainText("Your password is changed");
    await forgetful.goto(resetLink);
    await expect(forgetful.getByRole("alert").filter({ hasText: "no longer works" })).toBeVisible();
    await signInWithForm(forgetful, { email: INVITEE.email, password: INVITEE.reset });

    // Single sign-on through the real button: a new person joins the default team with the default role.
    const sso = await freshPage(browser, baseURL);
    await sso.goto("/signin");
    await sso.getByRole("button", { name: "Sign in with Newsroom SSO" }).click();
    await sso.waitForURL((url) => url.origin === idp.issuer);
    await sso.locator('input[name="login"]').fill(SSO_PERSON);
    await sso.locator('input[name="password"]').fill("anything");
    await sso.locator('button[type="submit"]').click();
    await sso.waitForURL((url) => url.origin === baseURL && !url.pathname.startsWith("/signin") && !url.pathname.startsWith("/api/"));
    await sso.goto("/team");
    await expect(sso.getByRole("heading", { name: TEAM })).toBeVisible();
    await expect(sso.getByTestId(`member-${SSO_PERSON}`)).toContainText("reviewer");
    // Its session is a server-side one like any other: the Account page lists it.
    await sso.goto("/account");
    await expect(sso.getByRole("heading", { name: "Sessions" })).toBeVisible();
    await shoot(sso, "account");
    await admin.goto("/team");
    await expect(admin.getByTestId(`member-${SSO_PERSON}`)).toContainText("reviewer");
  } finally {
    await app.stop();
    await idp.stop();
    await smtp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
