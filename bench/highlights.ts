// Benchmark: how long an article with 1,000 claims (some overlapping) on ~100,000 characters
// takes, from navigation until every highlight is painted and the page answers input,
// against the same article with no claims, in the same run and browser.
//   npm run bench:highlights            (needs a production build: `npx next build`)
// Prints medians of ROUNDS alternating loads; the target is ratio <= 1.5 and < 1000 ms.
import { runBench, withBenchDatabase } from "./database";
import { seedPlainAndMarked, withSignedInBrowser } from "./browser";
import { median } from "./numbers";

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CLAIMS = 1000;

async function main(pgUrl: string) {
  const { user, body, plain, marked, ranges } = await seedPlainAndMarked("reviewer", CLAIMS);
  console.log(
    `article: ${body.length} characters, ${body.split("\n\n").length} paragraphs; ${ranges.length} claims, ${ranges.filter((r) => r.overlaps).length} overlapping another`,
  );

  await withSignedInBrowser(pgUrl, user, async ({ page }) => {
    type Timing = { total: number; firstByte: number; lastByte: number; hydrated: number };
    async function load(articleId: string, claims: number): Promise<Timing> {
      await page.goto(`/articles/${articleId}`, { waitUntil: "commit" });
      await page.waitForFunction(
        (n) =>
          performance.getEntriesByName("factdesk:interactive").length > 0 &&
          new Set(
            [...document.querySelectorAll<HTMLElement>("[data-testid=article-body] [data-ids]")].flatMap((el) =>
              el.dataset.ids!.split(" "),
            ),
          ).size === n,
        claims,
        { polling: "raf", timeout: 30_000 },
      );
      // Then one frame and one task: the first moment the page can paint and answer input.
      return page.evaluate(
        () =>
          new Promise<Timing>((resolve) =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
                resolve({
                  total: performance.now(),
                  firstByte: nav.responseStart,
                  lastByte: nav.responseEnd,
                  hydrated: performance.getEntriesByName("factdesk:interactive")[0]!.startTime,
                });
              }),
            ),
          ),
      );
    }

    await load(plain.id, 0); // warm the server and the browser cache alike
    await load(marked.id, CLAIMS);
    const times = { plain: [] as Timing[], marked: [] as Timing[] };
    for (let round = 0; round < ROUNDS; round++) {
      times.plain.push(await load(plain.id, 0));
      times.marked.push(await load(marked.id, CLAIMS));
    }
    const report = (label: string, runs: Timing[]) => {
      const part = (key: keyof Timing) => median(runs.map((r) => r[key])).toFixed(0);
      console.log(
        `${label} median ${part("total")} ms (first byte ${part("firstByte")}, last byte ${part("lastByte")}, hydrated ${part("hydrated")}; runs: ${runs.map((r) => r.total.toFixed(0)).join(", ")})`,
      );
      return median(runs.map((r) => r.total));
    };
    const a = report("no claims:   ", times.plain);
    const b = report("1,000 claims:", times.marked);
    console.log(`ratio ${(b / a).toFixed(2)} (target <= 1.5), with claims ${b < 1000 ? "under" : "OVER"} 1 s`);
  });
}

runBench(() => withBenchDatabase("highlights", main));
