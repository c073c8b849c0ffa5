import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "../fixtures/test";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";
import { freePort } from "../../scripts/lib/free-port";
import { healthStatus, startAppOn, waitForHealth } from "../fixtures/processes";

test("health answers 503 while PostgreSQL is down and 200 once it is back, same app process", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-health-"));
  const pgPort = await freePort();
  let pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
  await applyMigrations(pg.url);
  const { app, baseURL } = await startAppOn(pg.url);
  try {
    await waitForHealth(baseURL, 200, app);
    await pg.stop();
    await expect.poll(() => healthStatus(baseURL), { timeout: 20_000 }).toBe(503);
    const body = (await (await fetch(`${baseURL}/api/health`)).json()) as { error: { message: string } };
    expect(body.error.message).toContain("database is not reachable");
    // A page that needs the database degrades to a readable error, and the process stays up.
    pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await expect.poll(() => healthStatus(baseURL), { timeout: 20_000 }).toBe(200);
    expect(app.child.exitCode).toBeNull();
  } finally {
    await app.stop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
