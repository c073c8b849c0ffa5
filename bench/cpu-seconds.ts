// CPU-seconds of a command and of every process it starts, including the ones that outlive their parent (Chromium's
// zygote and renderers are re-parented to init when Playwright closes the browser, so `/usr/bin/time` and
// getrusage(RUSAGE_CHILDREN) miss them: 345 s measured where the e2e step used ~770). The command runs in a cgroup v1
// `cpuacct` group of its own, whose counter includes every descendant, exited or not; a poll of /proc every 200 ms
// splits that total by kind of process (Chromium, the Next server, Playwright, PostgreSQL, other).
//
//   npx tsx bench/cpu-seconds.ts -- npm test -- --only=e2e --skip-build
//
// Needs root (or a writable /sys/fs/cgroup/cpuacct). Prints one line per kind and the total; exits with the
// command's exit code. Other load on the machine changes wall time, not these figures.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmdirSync } from "node:fs";

const CPUACCT = "/sys/fs/cgroup/cpuacct";
const POLL_MS = 200;
const TICK_S = 0.01; // /proc/<pid>/stat counts CPU in clock ticks of 1/100 s on Linux

type Seen = { kind: string; ticks: number };

/** The kind of process a /proc entry is, from its command name and line. */
function kindOf(comm: string, cmdline: string): string {
  if (/chrom|headless/i.test(comm) || /chromium/.test(cmdline)) return "chromium";
  if (comm.startsWith("postgres") || /postgres/.test(cmdline.split(" ")[0] ?? "")) return "postgres";
  if (comm.startsWith("next-server") || /scripts\/serve\.ts|next start/.test(cmdline)) return "next-server";
  if (/playwright/.test(cmdline)) return "playwright";
  return "other";
}

/** Reads utime + stime (ticks) of each process in the cgroup into `seen`, keyed by pid and start time. */
function poll(group: string, seen: Map<string, Seen>): void {
  let pids: string[];
  try {
    pids = readFileSync(`${group}/cgroup.procs`, "utf8").split("\n").filter(Boolean);
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of proc(5))
      const key = `${pid}:${fields[19]}`; // starttime tells a reused pid apart
      const known = seen.get(key);
      if (known) known.ticks = Math.max(known.ticks, ticks);
      else {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
        seen.set(key, { kind: kindOf(comm, cmdline), ticks });
      }
    } catch {
      // exited between the listing and the read
    }
  }
}

async function main() {
  const separator = process.argv.indexOf("--");
  const command = separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1);
  if (command.length === 0) throw new Error("usage: npx tsx bench/cpu-seconds.ts -- <command> [args…]");
  const group = `${CPUACCT}/cpu-seconds-${process.pid}`;
  mkdirSync(group);
  const seen = new Map<string, Seen>();
  const started = Date.now();
  // The shell joins the group before it execs the command, so every process the command starts is counted.
  const child = spawn("sh", ["-c", `echo $$ > ${group}/cgroup.procs && exec "$@"`, "sh", ...command], { stdio: "inherit" });
  const timer = setInterval(() => poll(group, seen), POLL_MS);
  const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  // Orphans (Chromium's) may still be exiting: wait up to 10 s for the group to empty.
  for (let i = 0; i < 50 && readFileSync(`${group}/cgroup.procs`, "utf8").trim(); i++) {
    poll(group, seen);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  clearInterval(timer);
  const totalS = Number(readFileSync(`${group}/cpuacct.usage`, "utf8")) / 1e9;
  const left = readFileSync(`${group}/cgroup.procs`, "utf8").split("\n").filter(Boolean);
  if (left.length === 0) rmdirSync(group);
  else console.log(`[cpu-seconds] ${left.length} processes still running in ${group}; left in place`);
  const byKind = new Map<string, number>();
  for (const { kind, ticks } of seen.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + ticks * TICK_S);
  const sampled = [...byKind.values()].reduce((a, b) => a + b, 0);
  const wall = (Date.now() - started) / 1000;
  for (const [kind, s] of [...byKind].sort((a, b) => b[1] - a[1]))
    console.log(`[cpu-seconds] ${kind.padEnd(12)} ${s.toFixed(1).padStart(7)} s (sampled)`);
  console.log(
    `[cpu-seconds] total ${totalS.toFixed(1)} CPU-s (cgroup; sampled ${sampled.toFixed(1)}), wall ${wall.toFixed(0)} s, exit ${code}`,
  );
  process.exit(code);
}

main().catch((err: unknown) => {
  console.error(`[cpu-seconds] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
