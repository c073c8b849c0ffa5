// Readers for the "reads while something heavy runs" benches: a page load of another article (the article and its
// claims, as the article page loads them) timed over and over by several readers at once.
import { performance } from "node:perf_hooks";

/** The `p`th percentile (0–100) of `xs`, in the units of `xs`. */
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** "N reads, p50 …, p99 …, max …" for read times in milliseconds. */
export const summary = (xs: number[]) =>
  `${xs.length} reads, p50 ${percentile(xs, 50).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/**
 * Readers of article `articleId` as `userId`. Output: `quiet()` (3 s of reads with nothing else running, after
 * 20 warm-up reads) and `during(running)` (reads until `running()` is false), each the read times in ms.
 */
export async function articleReaders(articleId: string, userId: string, readers: number) {
  const { getArticle } = await import("../lib/articles/get-article");
  const { listClaims } = await import("../lib/claims/list-claims");
  const read = async () => {
    const t = performance.now();
    await getArticle({ id: articleId, userId });
    await listClaims({ articleId, userId });
    return performance.now() - t;
  };
  const during = async (running: () => boolean) => {
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: readers }, async () => {
        while (running()) times.push(await read());
      }),
    );
    return times;
  };
  const quiet = async () => {
    for (let i = 0; i < 20; i++) await read(); // warm the pool and the query plans
    const until = performance.now() + 3000;
    return during(() => performance.now() < until);
  };
  return { quiet, during };
}
