import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_OPTIONS, withServerNodeOptions } from "./server-flags";

// A process started as scripts/serve.ts is (node --import tsx …, NODE_OPTIONS from withServerNodeOptions) starts a
// worker with its own arguments, as lib/workers/pool.ts does, and reports the young generation's largest size in both.
// The first version gave the flag as a node argument: the pool's workers were refused (ERR_WORKER_INVALID_EXEC_ARGV).
const PROBE = `
const { Worker } = require("node:worker_threads");
const v8 = require("node:v8");
const fill = "let a = []; for (let i = 0; i < 4e6; i++) { a.push({ i }); if (a.length > 2e5) a = []; }";
const newSpace = "v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20";
eval(fill);
const main = eval(newSpace);
const worker = new Worker(
  "const v8 = require('node:v8'); const { parentPort } = require('node:worker_threads');" + fill + "parentPort.postMessage(" + newSpace + ");",
  { eval: true, execArgv: process.execArgv },
);
worker.once("message", (inWorker) => { console.log(JSON.stringify({ main, inWorker })); process.exit(0); });
worker.once("error", (err) => { console.log(JSON.stringify({ error: err.code })); process.exit(0); });
`;

describe("serving flags", () => {
  it("add to NODE_OPTIONS without dropping what was there", () => {
    expect(withServerNodeOptions({ PORT: "1" })).toEqual({ PORT: "1", NODE_OPTIONS: SERVER_NODE_OPTIONS });
    expect(withServerNodeOptions({ NODE_OPTIONS: "--enable-source-maps" }).NODE_OPTIONS).toBe(
      `--enable-source-maps ${SERVER_NODE_OPTIONS}`,
    );
  });

  it("reach the server and its worker threads, which still start", () => {
    const run = (env: NodeJS.ProcessEnv) =>
      JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "-e", PROBE], { env, encoding: "utf8" }).trim()) as {
        main?: number;
        inWorker?: number;
        error?: string;
      };
    const served = run(withServerNodeOptions({ ...process.env, NODE_OPTIONS: "" }));
    const plain = run({ ...process.env, NODE_OPTIONS: "" });
    expect(served.error).toBeUndefined();
    // new_space is the two semi-spaces: 2 × 32 MB with the flag, at most 2 × 16 MB without.
    expect(served.main).toBe(64);
    expect(served.inWorker).toBe(64);
    expect(plain.main).toBeLessThanOrEqual(32);
  });
});
