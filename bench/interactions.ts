// Benchmark: input-to-paint on the article page, in Chromium against the production build, for what a
// fact-checker does all shift long: add a claim (select words, press `a`), open a claim (click its
// highlight), `j` (next claim), and set a status until "Saved" shows. Measured on an article of ~100,000
// characters with 1,000 claims and on the same text without claims, in the same run and browser.
//   npx tsx bench/interactions.ts      (needs a production build: `npm run build`)
// ROUNDS=20 measurements per interaction and page (in two blocks per page, alternating pages). For the p95 ratios
// use ROUNDS=100 (~8 min): the p95 of 40 inputs is their 38th value, and it moved by a frame between runs.
// BENCH_SAVE=<file> writes the figures as JSON; BENCH_COMPARE=<file> prints them beside an earlier run
// (e.g. of main's build) as before/after. Targets (issue #21): p95 < 150 ms, and ≤ 1.3× the no-claim page.
// BENCH_TRACE=1 records a Chromium trace of every measured interaction instead and prints where the time went
// (bench/trace-split.ts): main-thread script, style/layout, paint, GC, idle (waiting: the server, frames), and
// the server's part (request sent to first byte of the answer). Tracing slows the page: read those runs for
// the split, not for the figures. With it, BENCH_EVENTS=<regex> lists the whole duration of each trace event
// whose name matches, per page and interaction (e.g. BENCH_EVENTS='^Editor::SyncSelection$': Chromium's selection
// sync on a press). BENCH_PROFILE=1 records a V8 CPU profile of each measured interaction instead
// and prints the page functions its script time went to (bench/cpu-profile.ts). BENCH_CSS=<css> adds a style sheet
// to the page (a constructed one: the page's Content-Security-Policy allows no inline <style>), to measure a
// candidate CSS change against the same build before making it.
//
// Input-to-paint: from the input event's timestamp (captured in the page) to the first frame that shows the
// result (requestAnimationFrame once the result is in the DOM, then a task: the frame has been produced).
import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { runBench, withBenchDatabase } from "./database";
import { seedPlainAndMarked, withSignedInBrowser } from "./browser";
import { printSplits, splitTrace, TRACE_CATEGORIES, type Split } from "./trace-split";
import { printProfiles, profilerFor, startProfile, stopProfile, type SelfTimes } from "./cpu-profile";

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const TRACE = process.env.BENCH_TRACE === "1";
const PROFILE = process.env.BENCH_PROFILE === "1";
const EVENTS = process.env.BENCH_EVENTS ? new RegExp(process.env.BENCH_EVENTS) : undefined;
const CLAIMS = 1000;
// "add claim" paints when the new claim shows (its highlight and preview, drawn before the server answers);
// "add claim, stored" when its full panel shows from the server's answer (the round trip included).
const KINDS = ["add claim", "add claim, stored", "open claim", "j", "set status"] as const;
type Kind = (typeof KINDS)[number];
type Figures = Record<"none" | "claims", Record<Kind, number[]>>;
/** One `make()` per page and interaction. */
const perPage = <T>(make: () => T): Record<"none" | "claims", Record<Kind, T>> => {
  const perKind = () => Object.fromEntries(KINDS.map((kind) => [kind, make()])) as Record<Kind, T>;
  return { none: perKind(), claims: perKind() };
};

/** Word-aligned ranges of 4–7 words inside one paragraph, spread over the text, for "add claim". */
function freshRanges(body: string, count: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    let start = Math.floor(((i + 0.5) * body.length) / count) + 37;
    while (start > 0 && body[start - 1] !== " " && body[start - 1] !== "\n") start++;
    let end = start;
    for (let words = 0; words < 4 + (i % 4); words++) {
      end = body.indexOf(" ", end + 1);
      if (end === -1) break;
    }
    const paragraphEnd = body.indexOf("\n", start);
    if (end === -1 || (paragraphEnd !== -1 && end > paragraphEnd)) continue;
    // Selection trimming rules (lib/anchoring/selectors.ts): no trailing punctuation problems, whole words.
    const text = body.slice(start, end).replace(/[\s,.;:“”"’]+$/u, "");
    if (text.length > 3) out.push({ start, end: start + text.length, text });
  }
  return out;
}

/** Installs the in-page helpers: input timestamps, the paint after a condition holds, selections by body offset. */
async function instrument(page: Page) {
  if (process.env.BENCH_CSS)
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, process.env.BENCH_CSS);
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    let input: number | null = null;
    let longest = 0;
    for (const type of ["keydown", "pointerdown"])
      addEventListener(
        type,
        (e) => {
          if (input !== null) return;
          input = e.timeStamp;
          // For BENCH_TRACE: where the interaction starts in the trace.
          if (w.__tracing) performance.mark("bench:input", { startTime: e.timeStamp });
        },
        { capture: true },
      );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    }).observe({ type: "longtask" });
    w.__tracing = false;
    w.__arm = (tracing = false) => {
      w.__tracing = tracing;
      w.__server = { server: 0, bytes: 0 };
      input = null;
      longest = 0;
      // The resource timing buffer (250 entries) fills up; requests after that would not be listed.
      performance.clearResourceTimings();
    };
    // What each interaction waits for (no eval: the page's Content-Security-Policy forbids it).
    const body = () => document.querySelector<HTMLElement>("[data-testid=article-body]")!;
    const checks: Record<Check["kind"], (arg: string) => boolean> = {
      saved: () => [...document.querySelectorAll("[data-testid=claims-sidebar] p")].some((p) => p.textContent!.includes("Saved")),
      quote: (text) =>
        document.querySelector("[data-testid=claim-quote] mark")?.textContent === text && body().querySelector("[data-active]") !== null,
      stored: (text) => document.querySelector("[data-testid=claim-panel] [data-testid=claim-quote] mark")?.textContent === text,
      opened: (ids) =>
        body().querySelector<HTMLElement>("[data-active]")?.dataset.ids === ids &&
        document.querySelector("[data-testid=claim-quote]") !== null,
      moved: (from) => {
        const id = (document.activeElement as HTMLElement | null)?.dataset.claimId ?? "";
        return id !== "" && id !== from;
      },
    };
    // Resolves with [input-to-paint ms, longest task ms] once the check holds and a frame has been produced.
    w.__paintWhen = ({ kind, arg }: Check) =>
      new Promise<[number, number, number]>((resolve, reject) => {
        const holds = () => checks[kind](arg);
        const giveUp = performance.now() + 20_000;
        const poll = () => {
          if (input !== null && holds()) {
            // Time spent waiting on the server: requests the page sent after the input, start to last byte.
            const sent = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
              (e) => e.startTime >= input! && !e.name.includes("/_next/static/"),
            );
            const network = sent.length ? Math.max(...sent.map((e) => e.responseEnd)) - Math.min(...sent.map((e) => e.startTime)) : 0;
            requestAnimationFrame(() =>
              setTimeout(() => {
                if (w.__tracing) {
                  performance.mark("bench:painted");
                  // The server's part: request sent to the answer's first byte (loopback: the network adds ~0).
                  w.__server = {
                    server: sent.reduce((sum, e) => sum + e.responseStart - e.requestStart, 0),
                    bytes: sent.reduce((sum, e) => sum + e.encodedBodySize, 0),
                  };
                }
                resolve([performance.now() - input!, longest, network]);
              }),
            );
          } else if (performance.now() > giveUp) reject(new Error(`timed out waiting for ${kind} ${arg}`));
          else requestAnimationFrame(poll);
        };
        poll();
      });
    w.__select = (start: number, end: number) => {
      const root = document.querySelector<HTMLElement>("[data-testid=article-body]")!;
      const blocks = [...root.querySelectorAll<HTMLElement>("[data-start]")];
      const block = blocks.filter((b) => Number(b.dataset.start) <= start).at(-1)!;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let seen = Number(block.dataset.start);
      const range = document.createRange();
      let started = false;
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (!started && start <= seen + node.data.length) {
          range.setStart(node, start - seen);
          started = true;
        }
        if (started && end <= seen + node.data.length) {
          range.setEnd(node, end - seen);
          break;
        }
        seen += node.data.length;
      }
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      block.scrollIntoView({ block: "center" });
      block.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    };
  });
}

type Check = { kind: "saved" | "quote" | "stored" | "opened" | "moved"; arg: string };
const measure = (page: Page, check: Check) =>
  page.evaluate((c) => (window as unknown as { __paintWhen: (c: Check) => Promise<[number, number, number]> }).__paintWhen(c), check);
const armPage = (page: Page) => page.evaluate((t) => (window as unknown as { __arm: (t: boolean) => void }).__arm(t), TRACE);
const savedShown = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("[data-testid=claims-sidebar] p")].some((p) => p.textContent!.includes("Saved")));

async function closePanel(page: Page) {
  await page.keyboard.press("Escape");
  await page.getByTestId("claim-panel").waitFor({ state: "detached" });
}

async function main(pgUrl: string) {
  const { user, body, plain, marked, ranges } = await seedPlainAndMarked("editor", CLAIMS);
  const adds = freshRanges(body, ROUNDS * 2);
  console.log(
    `article: ${body.length} characters; ${ranges.length} claims (${ranges.filter((r) => r.overlaps).length} overlapping); ${ROUNDS} rounds`,
  );

  const figures: Figures = perPage(() => []);
  // Per page and interaction: the longest task seen, and the time waiting on the server (median later).
  const longest: Record<"none" | "claims", Record<Kind, number>> = perPage(() => 0);
  const network: Figures = perPage(() => []);
  let added = 0;
  const splits: Record<"none" | "claims", Record<Kind, (Split & { server: number; bytes: number })[]>> = perPage(() => []);
  const profiles: Record<"none" | "claims", Record<Kind, SelfTimes[]>> = perPage(() => []);
  await withSignedInBrowser(pgUrl, user, async ({ page, browser, baseURL }) => {
    const profiler = PROFILE ? await profilerFor(page) : null;
    async function block(which: "none" | "claims", rounds: number) {
      const article = which === "none" ? plain : marked;
      await page.goto(`/articles/${article.id}`);
      await page.waitForFunction(() => performance.getEntriesByName("factdesk:interactive").length > 0);
      await page.getByTestId("live-status").filter({ hasText: "Live" }).waitFor();
      await instrument(page);
      // `measuredOnly`: a second figure for the same input (its trace and profile belong to the first).
      const record = async (kind: Kind, [ms, task, waited]: [number, number, number], measuredOnly = false) => {
        figures[which][kind].push(ms);
        network[which][kind].push(waited);
        longest[which][kind] = Math.max(longest[which][kind], task);
        if (measuredOnly) return;
        if (profiler) profiles[which][kind].push(await stopProfile(profiler));
        if (!TRACE) return;
        const server = await page.evaluate(() => (window as unknown as { __server: { server: number; bytes: number } }).__server);
        splits[which][kind].push({ ...splitTrace(await browser.stopTracing(), ms, EVENTS), ...server });
      };
      const arm = async (page: Page) => {
        if (TRACE) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        await armPage(page);
        if (profiler) await startProfile(profiler);
      };
      const mine: string[] = [];
      for (let round = 0; round < rounds; round++) {
        // Add a claim: select words, press `a`; painted when its panel and its highlight show.
        const range = adds[added++ % adds.length]!;
        await page.evaluate(
          ({ start, end }) => (window as unknown as { __select: (s: number, e: number) => void }).__select(start, end),
          range,
        );
        await arm(page);
        const [, addTiming] = await Promise.all([page.keyboard.press("a"), measure(page, { kind: "quote", arg: range.text })]);
        await record("add claim", addTiming);
        // The same input, until the server's answer shows as the claim's panel (not traced or profiled separately).
        await record("add claim, stored", await measure(page, { kind: "stored", arg: range.text }), true);
        mine.push(range.text);

        // Set a status until "Saved" shows, on the claim just added (it is open).
        while (await savedShown(page)) await page.waitForTimeout(100);
        await arm(page);
        const pill = page.getByTestId("claim-panel").getByRole("radio", { name: /In review/ });
        const [, savedTiming] = await Promise.all([pill.click(), measure(page, { kind: "saved", arg: "" })]);
        await record("set status", savedTiming);
        await closePanel(page);

        // Open a claim by clicking its highlight (one where no other claim overlaps).
        const target =
          which === "claims"
            ? page.locator(`[data-testid=article-body] .hl[data-starts]:not([data-overlap])`).nth((round * 37) % 400)
            : page.locator(`[data-testid=article-body] .hl[data-starts]`).nth(round % Math.max(1, mine.length));
        await target.scrollIntoViewIfNeeded();
        const ids = (await target.getAttribute("data-ids"))!;
        await arm(page);
        const [, openTiming] = await Promise.all([target.click(), measure(page, { kind: "opened", arg: ids })]);
        await record("open claim", openTiming);
        await closePanel(page);

        // `j`: the next claim in the list gets focus.
        const before = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.claimId ?? "");
        await page.locator("body").evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await arm(page);
        const [, jTiming] = await Promise.all([page.keyboard.press("j"), measure(page, { kind: "moved", arg: before })]);
        await record("j", jTiming);
      }
    }

    // Warm-up: one round each, not counted.
    await block("none", 1);
    await block("claims", 1);
    for (const key of ["none", "claims"] as const) for (const kind of KINDS) figures[key][kind] = [];
    for (const key of ["none", "claims"] as const) for (const kind of KINDS) [longest[key][kind], network[key][kind]] = [0, []];
    for (const key of ["none", "claims"] as const) for (const kind of KINDS) [splits[key][kind], profiles[key][kind]] = [[], []];
    const half = Math.ceil(ROUNDS / 2);
    await block("none", half);
    await block("claims", half);
    await block("none", ROUNDS - half);
    await block("claims", ROUNDS - half);
    if (profiler) await printProfiles(profiles, baseURL);
  });

  const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
  const before = process.env.BENCH_COMPARE
    ? (JSON.parse(readFileSync(process.env.BENCH_COMPARE, "utf8")) as { figures: Figures }).figures
    : null;
  const cell = (xs: number[]) => `${quantile(xs, 0.5).toFixed(0)} / ${quantile(xs, 0.95).toFixed(0)}`;
  console.log(`\ninput-to-paint, ms (median / p95 of ${ROUNDS})${before ? "; before = BENCH_COMPARE's run" : ""}`);
  console.log(
    `${"interaction".padEnd(17)} | ${"no claims".padEnd(11)} | ${"1,000 claims".padEnd(12)} | p95 ratio | p95 < 150 | ≤ 1.3×${before ? " | before: no claims | before: 1,000 claims" : ""}`,
  );
  for (const kind of KINDS) {
    const none = figures.none[kind];
    const claims = figures.claims[kind];
    const ratio = quantile(claims, 0.95) / quantile(none, 0.95);
    console.log(
      `${kind.padEnd(17)} | ${cell(none).padEnd(11)} | ${cell(claims).padEnd(12)} | ${ratio.toFixed(2).padEnd(9)} | ${quantile(claims, 0.95) < 150 && quantile(none, 0.95) < 150 ? "yes" : "NO "}       | ${ratio <= 1.3 ? "yes" : "NO"}${
        before?.none[kind] ? `    | ${cell(before.none[kind]).padEnd(17)} | ${cell(before.claims[kind])}` : ""
      }`,
    );
  }
  console.log("\nof which waiting on the server (median ms), and the longest task (ms): no claims | 1,000 claims");
  for (const kind of KINDS) {
    console.log(
      `${kind.padEnd(17)} | server ${quantile(network.none[kind], 0.5).toFixed(0)} | ${quantile(network.claims[kind], 0.5).toFixed(0)}; longest task ${longest.none[kind].toFixed(0)} | ${longest.claims[kind].toFixed(0)}`,
    );
  }
  if (TRACE) printSplits(splits);
  if (process.env.BENCH_SAVE) writeFileSync(process.env.BENCH_SAVE, JSON.stringify({ figures, network, longest }, null, 2));
}

runBench(() => withBenchDatabase("interactions", main));
