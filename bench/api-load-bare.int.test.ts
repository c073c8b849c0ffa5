// bench/api-load.ts ends its run by stopping its two servers and the counting proxies they reach PostgreSQL through.
// When a proxy closed before the bare server had handled its SIGTERM, the bare server's idle pooled connections ended
// under it: its pool emitted 'error' with no listener, and the process died printing the whole pg Client after the
// bench's figures. Here the proxy closes while the bare server runs: it must log that and keep answering.
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { startProcess, type Started } from "@/e2e/fixtures/processes";
import { freePort } from "@/scripts/lib/free-port";
import { startStatementCounter } from "@/scripts/lib/statement-counter";

let bare: Started | undefined;
afterAll(async () => {
  await bare?.stop();
});

/** Resolves when `stream` has written text matching `pattern`. */
function written(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (!pattern.test(text)) return;
      stream.off("data", onData);
      resolve();
    };
    stream.on("data", onData);
  });
}

describe("the bare comparison server", () => {
  it("outlives its database connections being cut (no unhandled pool error)", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const proxy = await startStatementCounter(Number(url.port));
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    const port = await freePort();
    bare = startProcess("node", ["--import", "tsx", "bench/api-load-bare.ts"], { DATABASE_URL: url.toString(), PORT: String(port) });
    const { child } = bare;
    const exited = once(child, "exit").then(([code]) => `exited with ${String(code)}`);
    await Promise.race([written(child.stdout!, /ready/), exited]);
    const ask = () => fetch(`http://127.0.0.1:${port}/api/v1/articles/none`, { headers: { authorization: "Bearer none" } });
    // An unknown token: one statement, and the pool keeps its connection, idle.
    expect((await ask()).status).toBe(401);
    expect(proxy.count()).toBeGreaterThan(0);

    await proxy.close();
    const outcome = await Promise.race([
      written(child.stderr!, /pool error: Connection terminated unexpectedly/).then(() => "logged"),
      exited,
    ]);
    expect(outcome, bare.output()).toBe("logged");
    // Still serving: the database is out of reach now, so the request fails, but the process answers it.
    expect((await ask()).status).toBe(500);
    expect(child.exitCode).toBeNull();
  });
});
