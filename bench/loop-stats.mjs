// Preloaded into both servers by bench/api-load.ts when BENCH_LOOP_STATS=1 (node --import): what a request's tail
// latency is made of, per measurement. SIGUSR2 opens a window and the next SIGUSR2 closes it; each window records
// the event loop's delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution), every GC pause (PerformanceObserver
// "gc": kind and ms), and stalls: gaps over STALL_MS between runs of a 1 ms interval timer, i.e. moments when the
// loop did not come back for that long, with the process's CPU time in them (process.cpuUsage: all its threads), so that
// a stall spent computing tells apart from one spent waiting for a core. With node --expose-gc, a full collection at the
// end of each window gives the live heap. Written as JSON to $BENCH_LOOP_STATS_FILE.<pid> when the window closes.
import { renameSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver, performance } from "node:perf_hooks";
import { getHeapCodeStatistics, getHeapSpaceStatistics } from "node:v8";

const STALL_MS = 10;
const file = process.env.BENCH_LOOP_STATS_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const kinds = { 1: "scavenge", 2: "minor-mark-sweep", 4: "mark-compact", 8: "incremental-marking", 16: "weak-callbacks" };
  let open = null;
  new PerformanceObserver((list) => {
    if (!open) return;
    for (const e of list.getEntries()) open.gc.push([kinds[e.detail?.kind] ?? String(e.detail?.kind), e.duration, e.startTime]);
  }).observe({ entryTypes: ["gc"] });
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    if (open && now - last > STALL_MS) open.stalls.push([now - last, last, (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000]);
    last = now;
    lastCpu = cpu;
  }, 1).unref();
  process.on("SIGUSR2", () => {
    if (!open) {
      delay.reset();
      delay.enable();
      open = { start: performance.now(), gc: [], stalls: [] };
      return;
    }
    delay.disable();
    const ms = (ns) => ns / 1e6;
    const window = {
      seconds: (performance.now() - open.start) / 1000,
      delay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) },
      gc: open.gc.map(([kind, ms]) => [kind, ms]),
      stalls: open.stalls.map(([ms]) => ms),
      stallsCpuMs: open.stalls.reduce((sum, [, , cpu]) => sum + cpu, 0),
      // Of the stalls, those that contain a GC pause, and the stall time they account for.
      stallsWithGc: open.stalls.filter(([ms, at]) => open.gc.some(([, , start]) => start >= at && start <= at + ms)).map(([ms]) => ms),
      live: typeof globalThis.gc === "function",
      heapUsedMb: (globalThis.gc?.(), process.memoryUsage().heapUsed / 2 ** 20),
      // Where the heap is: used MB per V8 space, and bytecode with its metadata.
      spacesMb: Object.fromEntries(getHeapSpaceStatistics().map((sp) => [sp.space_name, sp.space_used_size / 2 ** 20])),
      bytecodeMb: getHeapCodeStatistics().bytecode_and_metadata_size / 2 ** 20,
      newSpaceMb: (getHeapSpaceStatistics().find((sp) => sp.space_name === "new_space")?.space_size ?? 0) / 2 ** 20,
    };
    open = null;
    // Whole or not at all for the bench, which reads the file as soon as it appears.
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(window));
    renameSync(`${file}.${process.pid}.tmp`, `${file}.${process.pid}`);
  });
}
