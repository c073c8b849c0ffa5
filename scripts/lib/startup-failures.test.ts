// `npm start` when something is wrong around it: each case ends with one line saying why and what to
// do, and exit code 1, never a stack trace (reported: run as root from a mode-700 directory, the
// embedded PostgreSQL died with an unhandled `spawn …/initdb EACCES`).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./free-port";
import { ROOT } from "./process";

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((fn) => fn()));

/** Runs scripts/start.ts as `npm start` does, with `env` on top; resolves with its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "start.ts")], {
      cwd: ROOT,
      env: { ...process.env, NEXTAUTH_SECRET: "x".repeat(43), NEXTAUTH_URL: "", NODE_OPTIONS: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function occupy(): Promise<{ port: number; server: Server }> {
  const port = await freePort();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  cleanup.push(() => server.close());
  return { port, server };
}

function tempDir(mode: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-startup-"));
  chmodSync(dir, mode);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The one line the failure printed, after checking there is exactly one and no stack trace. */
function failureLine(result: { code: number | null; output: string }): string {
  expect(result.code, result.output).toBe(1);
  expect(result.output).not.toMatch(/^\s+at /m);
  const lines = result.output.split("\n").filter((line) => line.startsWith("[factdesk] could not start:"));
  expect(lines, result.output).toHaveLength(1);
  return lines[0]!;
}

describe("npm start explains why it cannot start", { timeout: 60_000 }, () => {
  it("the app's port is taken", async () => {
    const { port } = await occupy();
    const line = failureLine(await start({ PORT: String(port), DATABASE_URL: "postgres://nobody:x@127.0.0.1:1/none" }));
    expect(line).toContain(`port ${port} (the web server) is already in use`);
    expect(line).toContain("set PORT to a free port");
  });

  it("nothing answers at DATABASE_URL", async () => {
    const dbPort = await freePort();
    const line = failureLine(
      await start({ PORT: String(await freePort()), DATABASE_URL: `postgres://factdesk:secret@127.0.0.1:${dbPort}/factdesk` }),
    );
    expect(line).toContain("cannot reach the database in DATABASE_URL");
    expect(line).toContain("nothing accepts connections there");
    expect(line).not.toContain("secret");
  });

  it("the embedded PostgreSQL's port is taken", async () => {
    const { port } = await occupy();
    const dataDir = tempDir(0o755);
    const line = failureLine(
      await start({ PORT: String(await freePort()), DATABASE_URL: "", FACTDESK_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) }),
    );
    expect(line).toContain(`port ${port} (the embedded PostgreSQL) is already in use`);
    expect(line).toContain("EMBEDDED_PG_PORT");
  });

  it.runIf(process.getuid?.() === 0)("run as root, the embedded PostgreSQL's user cannot enter a mode-700 directory", async () => {
    const closed = tempDir(0o700);
    const line = failureLine(
      await start({
        PORT: String(await freePort()),
        DATABASE_URL: "",
        FACTDESK_DATA_DIR: path.join(closed, "data"),
        EMBEDDED_PG_PORT: String(await freePort()),
      }),
    );
    expect(line).toContain(`may not enter ${closed} (mode 700)`);
    expect(line).toContain(`chmod o+x ${closed}`);
    expect(line).toContain("DATABASE_URL");
  });
});
