// Where an interaction's time goes, from a Chromium trace (bench/interactions.ts with BENCH_TRACE=1): the
// renderer's main thread between the input (the `bench:input` mark) and the frame that showed the result (the
// `bench:painted` mark), split by what the browser was doing, in self time (a task's own time, without the
// events inside it), so the parts add up to the main thread's busy time; the rest of the window is idle
// (waiting for the server's answer or for the next frame).

/** Trace categories that name the main thread's work (devtools' Performance panel records these). */
export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
  "v8.execute",
  "blink",
  "loading",
];

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
};

/** One interaction's split, in ms: the parts of the main thread's busy time, idle time, and the whole window. */
export type Split = {
  /** Input to paint, as the bench measured it (ms). */
  total: number;
  /** The traced window, input mark to paint mark (ms). */
  window: number;
  script: number;
  style: number;
  layout: number;
  paint: number;
  gc: number;
  other: number;
  idle: number;
  /** Self time by trace event name (ms), for the parts above. */
  byName: Record<string, number>;
  /** Wall time (ms, whole event, children included) of each main-thread event in the window whose name matched `watch`. */
  watched: { name: string; ms: number }[];
};

const PART: [RegExp, keyof Pick<Split, "script" | "style" | "layout" | "paint" | "gc">][] = [
  [/GC|Sweep|Mark|Finalize/i, "gc"],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleRecalc)/, "style"],
  [/^(Layout|ComputeIntersections|IntersectionObserver|HitTest|UpdateLayer$)/, "layout"],
  [/^(Paint|PrePaint|Layerize|UpdateLayerTree|Commit|CompositeLayers|PaintImage|Decode|Rasterize|ScrollLayer)/, "paint"],
  [
    /^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|HandlePostMessage|v8|V8|ParseHTML|XHR|ResourceReceivedData|ResourceFinish)/,
    "script",
  ],
];

const partOf = (name: string) => PART.find(([pattern]) => pattern.test(name))?.[1] ?? "other";

/** The DOM event type an EventDispatch trace event dispatched (args.data.type), or "?". */
const eventType = (e: TraceEvent) => (e.args?.data as { type?: string } | undefined)?.type ?? "?";

/**
 * Splits one trace (the JSON Playwright's browser.stopTracing returns) of one interaction. `total`: the bench's
 * input-to-paint for it (ms), reported beside the traced window. `watch`: names of events to list one by one with
 * their whole duration (e.g. /^Editor::SyncSelection$/, which has no trace events inside it, so its self time hides
 * how many calls there were). Throws when the trace has no `bench:input` and `bench:painted` marks.
 */
export function splitTrace(trace: Buffer, total: number, watch?: RegExp): Split {
  const events = (JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = (name: string) => events.find((e) => e.cat.includes("blink.user_timing") && e.name === name);
  const input = mark("bench:input");
  const painted = mark("bench:painted");
  if (!input || !painted) throw new Error("trace without the bench:input / bench:painted marks");
  // The marks are made on the renderer's main thread; its events are the ones to split.
  const main = events.filter((e) => e.pid === painted.pid && e.tid === painted.tid && e.ph === "X" && e.dur !== undefined);
  // A mark's event may carry its own start time (performance.mark's startTime) in args.data.startTime (ms, page clock).
  const from = input.ts;
  const to = painted.ts;
  const clip = (e: TraceEvent) => Math.max(0, Math.min(to, e.ts + e.dur!) - Math.max(from, e.ts));
  main.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  for (const event of main) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= event.ts) stack.pop();
    const parent = stack.at(-1);
    const own = clip(event);
    self.set(event, own);
    if (parent) self.set(parent, self.get(parent)! - own);
    stack.push(event);
  }
  const split: Split = {
    total,
    window: (to - from) / 1000,
    script: 0,
    style: 0,
    layout: 0,
    paint: 0,
    gc: 0,
    other: 0,
    idle: 0,
    byName: {},
    watched: watch
      ? main
          .filter((e) => watch.test(e.name) && e.ts >= from && e.ts < to)
          // An event dispatch is listed per event type (EventDispatch keydown, … focus, … scroll).
          .map((e) => ({ name: e.name === "EventDispatch" ? `EventDispatch ${eventType(e)}` : e.name, ms: e.dur! / 1000 }))
      : [],
  };
  let busy = 0;
  for (const [event, own] of self) {
    if (own <= 0) continue;
    const ms = own / 1000;
    split[partOf(event.name)] += ms;
    split.byName[event.name] = (split.byName[event.name] ?? 0) + ms;
    busy += ms;
  }
  split.idle = Math.max(0, split.window - busy);
  return split;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Prints the mean split per page and interaction, and the event names that took most of the main thread. */
export function printSplits(splits: Record<string, Record<string, (Split & { server?: number; bytes?: number })[]>>) {
  console.log("\nwhere the time went (BENCH_TRACE; mean ms per interaction, main-thread self time):");
  console.log("page   | interaction  | input→paint | window | script | style | layout | paint |  gc | other | idle | server | answer KB");
  for (const [page, kinds] of Object.entries(splits)) {
    for (const [kind, list] of Object.entries(kinds)) {
      if (!list.length) continue;
      const m = (key: keyof Split | "server" | "bytes") => mean(list.map((s) => Number(s[key] ?? 0)));
      const cells = (["total", "window", "script", "style", "layout", "paint", "gc", "other", "idle", "server"] as const).map((k) =>
        m(k).toFixed(0),
      );
      console.log(
        `${page.padEnd(6)} | ${kind.padEnd(12)} | ${cells[0]!.padStart(11)} | ${cells[1]!.padStart(6)} | ${cells[2]!.padStart(6)} | ${cells[3]!.padStart(5)} | ${cells[4]!.padStart(6)} | ${cells[5]!.padStart(5)} | ${cells[6]!.padStart(3)} | ${cells[7]!.padStart(5)} | ${cells[8]!.padStart(4)} | ${cells[9]!.padStart(6)} | ${(m("bytes") / 1024).toFixed(1)}`,
      );
      const names: Record<string, number> = {};
      for (const s of list) for (const [name, ms] of Object.entries(s.byName)) names[name] = (names[name] ?? 0) + ms / list.length;
      const top = Object.entries(names)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
      console.log(`         top: ${top.join(", ")}`);
      const watched: Record<string, number[]> = {};
      for (const s of list) for (const { name, ms } of s.watched ?? []) (watched[name] ??= []).push(ms);
      for (const [name, ms] of Object.entries(watched))
        console.log(
          `         ${name}: ${ms.length} calls in ${list.length} interactions, ms each: ${[...ms]
            .sort((a, b) => a - b)
            .map((x) => x.toFixed(1))
            .join(" ")}`,
        );
    }
  }
}
