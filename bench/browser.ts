// The production server and a signed-in Chromium page that the browser benches (highlights, interactions,
// page-weight) measure through: started the same way for each, stopped whatever happens; and the articles they load.
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { fullChromiumLaunchOptions } from "../e2e/fixtures/chromium";
import { freePort } from "../scripts/lib/free-port";
import { describeRange } from "../lib/anchoring/selectors";
import { buildLongArticle, pickClaimRanges } from "./fixtures";

export type BenchBrowser = { baseURL: string; browser: Browser; context: BrowserContext; page: Page };

/**
 * Starts the production build (`next build` first) on a free port against `pgUrl`, launches full Chromium (CHROMIUM_PATH,
 * default /usr/bin/chromium; not the headless shell the tests use) and signs `user` in on a 1440 × 900 page, then runs `run` and stops both.
 * Output: what `run` returns. Throws whatever starting the server, signing in or `run` throws.
 */
export async function withSignedInBrowser<T>(
  pgUrl: string,
  user: { email: string; password: string },
  run: (b: BenchBrowser) => Promise<T>,
): Promise<T> {
  const { startServer, waitForHealth } = await import("../e2e/fixtures/processes");
  const { signInByApi } = await import("../e2e/fixtures/auth");
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const app = startServer(port, { DATABASE_URL: pgUrl, NEXTAUTH_URL: baseURL, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
  const browser = await chromium.launch(fullChromiumLaunchOptions);
  try {
    await waitForHealth(baseURL, 200, app);
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
    // tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`; the functions the benches
    // pass to page.evaluate run in the page, where that helper does not exist ("__name is not defined").
    await context.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
    await signInByApi(context.request, user);
    const page = await context.newPage();
    return await run({ baseURL, browser, context, page });
  } finally {
    await browser.close();
    await app.stop();
  }
}

/**
 * The two articles the highlight and interaction benches compare: the same ~100,000-character text (buildLongArticle)
 * once without claims and once with `claims` claims (pickClaimRanges, some overlapping), in a new team, with a user
 * of `role` there. Output: the user (with password, for signing in), the text, both articles and the claim ranges.
 */
export async function seedPlainAndMarked(role: "reviewer" | "editor", claims: number) {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const team = await createTeam();
  const user = await createUser(team.id, role);
  const body = buildLongArticle(100_000);
  const plain = await testDb().article.create({ data: { teamId: team.id, title: "Bench: no claims", body } });
  const marked = await testDb().article.create({ data: { teamId: team.id, title: "Bench: 1,000 claims", body } });
  const ranges = pickClaimRanges(body, claims);
  await testDb().claim.createMany({
    data: ranges.map(({ start, end }) => {
      const { quote } = describeRange(body, start, end);
      return { articleId: marked.id, ...quote, start, end, createdById: user.id, updatedById: user.id };
    }),
  });
  return { user, body, plain, marked, ranges };
}
