// Benchmark (issue #21 item 4): what the article page weighs and how soon it answers, at 0 / 1,000 / 10,000 claims on
// the same ~100,000-character article, side by side in one run and one browser.
//   npx next build && npx tsx bench/page-weight.ts        (ROUNDS=n, default 5)
// Prints per article: HTML bytes (the document, decoded), RSC bytes (the flight payload a client-side navigation
// fetches), what the page reads after its first screen (the rest of the claims, through the claims API), and medians
// of navigation → interactive (the workspace's factdesk:interactive mark, then one frame and one task) and of
// navigation → every highlight painted; with ratios against the no-claim page.
// Targets at 10,000 claims: HTML + RSC < 1.5 MB, navigation → interactive <= 1.5x the no-claim page.
import type { Response } from "@playwright/test";
import { describeRange } from "../lib/anchoring/selectors";
import { runBench, withBenchDatabase } from "./database";
import { withSignedInBrowser } from "./browser";
import { buildLongArticle, pickClaimRanges } from "./fixtures";
import { median } from "./numbers";

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SIZES = [0, 1000, 10_000];

async function main(pgUrl: string) {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");

  const team = await createTeam();
  const user = await createUser(team.id, "reviewer");
  const body = buildLongArticle(100_000);
  const articles: { id: string; claims: number }[] = [];
  for (const claims of SIZES) {
    const article = await testDb().article.create({ data: { teamId: team.id, title: `Bench: ${claims} claims`, body } });
    const ranges = pickClaimRanges(body, claims);
    for (let i = 0; i < ranges.length; i += 2000) {
      await testDb().claim.createMany({
        data: ranges.slice(i, i + 2000).map(({ start, end }) => {
          const { quote } = describeRange(body, start, end);
          return { articleId: article.id, ...quote, start, end, createdById: user.id, updatedById: user.id };
        }),
      });
    }
    articles.push({ id: article.id, claims });
  }
  console.log(`article: ${body.length} characters, ${body.split("\n\n").length} paragraphs; claims: ${SIZES.join(" / ")}`);

  await withSignedInBrowser(pgUrl, user, async ({ context, page }) => {
    // Weights: the document and the flight payload, each as its bytes after decoding.
    const weights = new Map<string, { html: number; rsc: number }>();
    for (const { id } of articles) {
      const html = (await (await context.request.get(`/articles/${id}`)).body()).length;
      const flight = await context.request.get(`/articles/${id}?_rsc=bench`, { headers: { RSC: "1" } });
      if (!(flight.headers()["content-type"] ?? "").includes("text/x-component"))
        throw new Error("the RSC request did not answer a flight payload");
      weights.set(id, { html, rsc: (await flight.body()).length });
    }

    type Timing = { interactive: number; painted: number; later: number };
    async function load(articleId: string, claims: number): Promise<Timing> {
      let later = 0;
      const count = (response: Response) => {
        if (/\/api\/v1\/articles\/[^/]+\/(claims|suggestions)\?/.test(response.url()))
          void response.body().then(
            (b) => (later += b.length),
            () => undefined,
          );
      };
      page.on("response", count);
      await page.goto(`/articles/${articleId}`, { waitUntil: "commit" });
      await page.waitForFunction(() => performance.getEntriesByName("factdesk:interactive").length > 0, null, {
        polling: "raf",
        timeout: 60_000,
      });
      const interactive = await page.evaluate(
        () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))),
      );
      await page.waitForFunction(
        (n) =>
          new Set(
            [...document.querySelectorAll<HTMLElement>("[data-testid=article-body] [data-ids]")].flatMap((el) =>
              el.dataset.ids!.split(" "),
            ),
          ).size === n,
        claims,
        { polling: "raf", timeout: 60_000 },
      );
      const painted = await page.evaluate(
        () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))),
      );
      page.off("response", count);
      return { interactive, painted, later };
    }

    for (const { id, claims } of articles) await load(id, claims); // warm the server and the browser cache alike
    const runs = new Map<string, Timing[]>(articles.map((a) => [a.id, []]));
    for (let round = 0; round < ROUNDS; round++) for (const { id, claims } of articles) runs.get(id)!.push(await load(id, claims));

    // SHOTS=<dir>: screenshots of the largest article, every highlight painted, at a desktop's and a phone's width, and
    // of the claim list's end with its count (in a page whose list does not grow on its own, so the count stays put).
    if (process.env.SHOTS) {
      const top = articles.at(-1)!;
      const still = await context.newPage();
      await still.addInitScript(() => {
        window.IntersectionObserver = class {
          observe() {}
          unobserve() {}
          disconnect() {}
          takeRecords() {
            return [];
          }
        } as unknown as typeof IntersectionObserver;
      });
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
        await load(top.id, top.claims);
        await page.screenshot({ path: `${process.env.SHOTS}/article-${top.claims}-claims-${width}.png` });
        await still.setViewportSize({ width, height: width > 800 ? 900 : 844 });
        await still.goto(`/articles/${top.id}`);
        await still.getByTestId("claim-list-count").scrollIntoViewIfNeeded();
        await still.screenshot({ path: `${process.env.SHOTS}/article-${top.claims}-claims-${width}-list.png` });
      }
      await still.close();
    }

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    const base = runs.get(articles[0]!.id)!;
    const baseInteractive = median(base.map((r) => r.interactive));
    const basePainted = median(base.map((r) => r.painted));
    for (const { id, claims } of articles) {
      const w = weights.get(id)!;
      const r = runs.get(id)!;
      const interactive = median(r.map((x) => x.interactive));
      const painted = median(r.map((x) => x.painted));
      console.log(
        `${String(claims).padStart(6)} claims: HTML ${kb(w.html)}, RSC ${kb(w.rsc)}, HTML + RSC ${kb(w.html + w.rsc)}; read after the first screen ${kb(median(r.map((x) => x.later)))}; ` +
          `navigation → interactive ${interactive.toFixed(0)} ms (${(interactive / baseInteractive).toFixed(2)}x), ` +
          `→ every highlight painted ${painted.toFixed(0)} ms (${(painted / basePainted).toFixed(2)}x); runs: ${r.map((x) => x.interactive.toFixed(0)).join(", ")}`,
      );
    }
    const top = articles.at(-1)!;
    const w = weights.get(top.id)!;
    const ratio = median(runs.get(top.id)!.map((x) => x.interactive)) / baseInteractive;
    console.log(
      `at ${top.claims} claims: HTML + RSC ${((w.html + w.rsc) / 1024 / 1024).toFixed(2)} MB (target < 1.5 MB) ${w.html + w.rsc < 1.5 * 1024 * 1024 ? "met" : "NOT met"}; ` +
        `interactive ${ratio.toFixed(2)}x the no-claim page (target <= 1.5x) ${ratio <= 1.5 ? "met" : "NOT met"}`,
    );
  });
}

runBench(() => withBenchDatabase("page-weight", main));
