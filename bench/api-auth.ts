// Benchmark: what token authentication and the rate limit add to one API request.
//   npx tsx bench/api-auth.ts        (REQUESTS=500 by default)
// Prints median and p95 for: the rate-limit upsert alone, authenticating a token (hash
// lookup + user load), and both together, against a plain `SELECT 1` round trip as the
// baseline in the same run; then 200 parallel upserts on one key and their final count.
import { runBench, withBenchDatabase } from "./database";

const REQUESTS = Number(process.env.REQUESTS ?? 500);

async function main() {
  const { createTeam, createUser } = await import("../e2e/fixtures/factories");
  const { createApiToken } = await import("../lib/api-tokens/create-token");
  const { authenticateApiToken } = await import("../lib/api-tokens/verify-token");
  const { hitRateLimit } = await import("../lib/api/rate-limit");
  const { db } = await import("../lib/db");
  try {
    const team = await createTeam();
    const user = await createUser(team.id, "reviewer");
    const { secret } = await createApiToken({ userId: user.id, teamId: team.id, input: { name: "bench", scope: "read", expiresIn: "7d" } });
    const time = async (label: string, run: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await run(i); // warm up
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        await run(i);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(34)} median ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms`,
      );
    };
    await time("baseline SELECT 1", () => db.$queryRaw`SELECT 1`);
    await time("rate-limit upsert", () => hitRateLimit({ key: "bench:limit", limit: 1_000_000 }));
    await time("authenticate token", () => authenticateApiToken({ secret }));
    await time("authenticate + rate limit", async () => {
      const { tokenId } = await authenticateApiToken({ secret });
      await hitRateLimit({ key: `token:${tokenId}`, limit: 1_000_000 });
    });
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 200 }, () => hitRateLimit({ key: "bench:parallel", limit: 100, now })));
    const counts = new Set(results.map((r) => r.count));
    console.log(
      `200 parallel upserts on one key: ${counts.size} distinct counts, max ${Math.max(...counts)}, allowed ${results.filter((r) => r.allowed).length}`,
    );
  } finally {
    await db.$disconnect();
  }
}

runBench(() => withBenchDatabase("api-auth", main));
