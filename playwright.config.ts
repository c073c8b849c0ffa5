import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions, fullChromiumLaunchOptions } from "./e2e/fixtures/chromium";
import { SERVER_NODE_OPTIONS } from "./scripts/lib/server-flags";

// Run through `npm test`, which provides a fresh migrated database and a production build.
const port = Number(process.env.E2E_APP_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
// Set once in the runner and inherited by its workers, so a test can start a second instance
// that accepts the same session cookies (e2e/account/session-revocation.spec.ts).
export const sessionSecret = (process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url"));

/**
 * Specs that assert that no pointer or mouse event at all reached the page (recordPointerEvents in
 * e2e/fixtures/keyboard.ts refuses to run elsewhere). They run in full Chromium (project `chromium-full`): the headless
 * shell that runs the rest fires a synthetic mousemove at (0, 0) in some page loads (shift.spec.ts failed 4 of 10 there).
 */
const FULL_CHROMIUM_SPECS = ["**/e2e/keyboard/shift.spec.ts"];
const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // Traces only when asked for (`E2E_TRACE=1`): recording one for every test so that a failure keeps it cost ~9 % of
    // the e2e step's CPU on the 2 CI cores (the same 23 tests: 241–244 CPU-s with traces without screencast, 221 with
    // trace off; the screencast another ~20 %), and CI keeps only the printed log. The failure screenshot still shows
    // the last frame; re-run a failing spec with E2E_TRACE=1 for actions, DOM snapshots, network and console.
    trace: process.env.E2E_TRACE ? { mode: "retain-on-failure", screenshots: false } : "off",
    screenshot: "only-on-failure",
  },
  projects: [
    // The headless shell when installed (e2e/fixtures/chromium.ts): ~1/4 less CPU in Chromium (README, The two commands).
    { name: "chromium", testIgnore: FULL_CHROMIUM_SPECS, use: { ...desktop, launchOptions: chromiumLaunchOptions } },
    { name: "chromium-full", testMatch: FULL_CHROMIUM_SPECS, use: { ...desktop, launchOptions: fullChromiumLaunchOptions } },
  ],
  webServer: {
    // As `npm start` serves it: the client address comes from the socket (scripts/serve.ts).
    command: "node --import tsx scripts/serve.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: sessionSecret,
      SESSION_RECHECK_SECONDS: "2",
      // Tests serve pages to import from a node:http server on loopback, which the SSRF guard refuses unless allowed.
      FETCH_ALLOW_ADDRESSES: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      // A deprecation in the server's log says where it came from (pg's concurrent client.query() warning, stop 27).
      NODE_OPTIONS: [process.env.NODE_OPTIONS, SERVER_NODE_OPTIONS, "--trace-deprecation"].filter(Boolean).join(" "),
      // The API fast lane as in production, plus what its equivalence test needs: a request header that sends an
      // API request to Next instead, and a mark on the lane's answers (scripts/serve.ts, e2e/api/fast-lane.spec.ts).
      FACTDESK_FAST_LANE: "test",
    },
  },
});
