import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { freePort } from "../../scripts/lib/free-port";
import { signInByApi } from "../fixtures/auth";
import { healthStatus, startProcess, waitForHealth } from "../fixtures/processes";

const EDITOR = "editor@demo.factdesk.test";

test("npm start seeds once, prints the demo accounts, and keeps all data across a restart", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-restart-"));
  // Like a checkout's .data/: run as root, PostgreSQL's own user must be able to reach it.
  chmodSync(dataDir, 0o755);
  const [appPort, pgPort] = [await freePort(), await freePort()];
  const baseURL = `http://localhost:${appPort}`;
  const env = {
    FACTDESK_DATA_DIR: dataDir,
    PORT: String(appPort),
    EMBEDDED_PG_PORT: String(pgPort),
    DATABASE_URL: "",
    NEXTAUTH_URL: "",
    NEXTAUTH_SECRET: "",
  };
  try {
    const first = startProcess("npx", ["tsx", "scripts/start.ts"], env);
    await waitForHealth(baseURL, 200, first);
    const printed = first.output();
    expect(printed).toContain(EDITOR);
    expect(printed).toContain("reviewer1@demo.factdesk.test");
    const password = /password\s+(\S+)/.exec(printed)?.[1];
    expect(password, printed).toBeTruthy();

    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    expect((await signInByApi(api, { email: EDITOR, password: password! })).status()).toBe(200);
    const { articles } = (await (await api.get("/api/v1/articles")).json()) as { articles: { id: string }[] };
    expect(articles).toHaveLength(1);
    const { article } = (await (await api.get(`/api/v1/articles/${articles[0]!.id}`)).json()) as { article: { body: string } };
    const start = article.body.indexOf("The UK currently spends");
    const target = describeRange(article.body, start, start + 80);
    const created = await api.post(`/api/v1/articles/${articles[0]!.id}/claims`, {
      data: {
        target: {
          selector: [
            { type: "TextQuoteSelector", ...target.quote },
            { type: "TextPositionSelector", ...target.position },
          ],
        },
      },
    });
    expect(created.status()).toBe(201);
    await api.dispose();
    await first.stop();
    expect(await healthStatus(baseURL)).toBe(0);

    const second = startProcess("npx", ["tsx", "scripts/start.ts"], env);
    await waitForHealth(baseURL, 200, second);
    expect(second.output()).not.toContain("password");
    const again = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    expect((await signInByApi(again, { email: EDITOR, password: password! })).status()).toBe(200);
    const claims = (await (await again.get(`/api/v1/articles/${articles[0]!.id}/claims`)).json()) as { claims: { exact: string }[] };
    expect(claims.claims.map((c) => c.exact)).toEqual([article.body.slice(start, start + 80)]);
    await again.dispose();
    await second.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
