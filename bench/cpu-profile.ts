// Which page functions an interaction's main-thread script time goes to (bench/interactions.ts with BENCH_PROFILE=1):
// V8's sampling profiler through the Chrome DevTools Protocol, started before the input and stopped after the paint,
// summed per function (self time). The production build is minified, so each function is named by its chunk, line
// and column, with the start of its source text to recognise it by.
import type { CDPSession, Page } from "@playwright/test";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Self time (ms) per function key (`name @ url:line:column`) of one profile. */
export type SelfTimes = Record<string, number>;

/** Opens a DevTools session on `page` with V8's sampler at 0.1 ms. Output: the session to start and stop profiles on. */
export async function profilerFor(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 100 });
  return session;
}

/** Starts a CPU profile on `session` (profilerFor). */
export async function startProfile(session: CDPSession): Promise<void> {
  await session.send("Profiler.start");
}

/** Stops the CPU profile on `session`. Output: self time (ms) per function, idle and program time left out. */
export async function stopProfile(session: CDPSession): Promise<SelfTimes> {
  const { profile } = (await session.send("Profiler.stop")) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out: SelfTimes = {};
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") return;
    const key = `${frame.functionName || "(anonymous)"} @ ${frame.url.replace(/^.*\/_next\//, "")}:${frame.lineNumber}:${frame.columnNumber}`;
    out[key] = (out[key] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return out;
}

/**
 * Prints, per page and interaction, the mean self time of the `top` busiest functions, each with the first
 * characters of its minified source (fetched from the running server at `baseURL`) to tell what it is.
 */
export async function printProfiles(profiles: Record<string, Record<string, SelfTimes[]>>, baseURL: string, top = 12): Promise<void> {
  const sources = new Map<string, string[]>();
  const excerpt = async (key: string) => {
    const match = /@ (static\/.+\.js):(\d+):(\d+)$/.exec(key);
    if (!match) return "";
    const [, path, line, column] = match;
    if (!sources.has(path!)) sources.set(path!, (await (await fetch(`${baseURL}/_next/${path}`)).text()).split("\n"));
    return (sources.get(path!)![Number(line)] ?? "").slice(Number(column), Number(column) + 110);
  };
  console.log("\nscript by function (BENCH_PROFILE; mean self ms per interaction):");
  for (const [page, kinds] of Object.entries(profiles)) {
    for (const [kind, list] of Object.entries(kinds)) {
      if (!list.length) continue;
      const sum: SelfTimes = {};
      for (const p of list) for (const [k, ms] of Object.entries(p)) sum[k] = (sum[k] ?? 0) + ms / list.length;
      const total = Object.values(sum).reduce((a, b) => a + b, 0);
      console.log(`${page} | ${kind}: ${total.toFixed(1)} ms sampled`);
      for (const [key, ms] of Object.entries(sum)
        .sort((a, b) => b[1] - a[1])
        .slice(0, top))
        console.log(`  ${ms.toFixed(2).padStart(6)}  ${key}  ${JSON.stringify(await excerpt(key))}`);
    }
  }
}
