import { expect, test } from "../fixtures/test";
import fc from "fast-check";
import { fuzzRequests, startFuzzSession } from "../fixtures/fuzz";

// Fixed, so a failure is the same failure on every run; the count keeps this spec well under a minute.
const SEED = 20261130;
const RUNS = 150;

// Attack 27: e2e/api/fuzz.spec.ts signs each role in with a session cookie, so every one of its requests goes through
// Next's router; none reached the API fast lane (scripts/lib/fast-lane.ts), which answers `Authorization: Bearer`
// requests without a cookie. Here the same generated requests (valid, boundary and hostile) are sent with each role's
// API token: through the lane, never a 5xx, every 4xx the JSON error shape, a refusal changes nothing; and a refused
// request (nothing changed) is sent again through Next, which must refuse it the same way (status and code).
test("fuzzing every operation with API tokens: the fast lane answers as Next does, never a 5xx", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const session = await startFuzzSession(baseURL!, { auth: "token" });
  const problems: string[] = [];
  let lane = 0;
  try {
    for (const request of fc.sample(fuzzRequests(session.ids), { seed: SEED, numRuns: RUNS })) {
      const first = await session.send(request);
      if (first.lane) lane++;
      const label = `${request.role} ${request.method} ${request.path} (${request.kind}, body ${JSON.stringify(request.body?.slice(0, 120))})`;
      if (first.problem) problems.push(`${label}: ${first.problem}`);
      if (first.status < 400 || first.status >= 500 || first.problem) continue;
      const next = await session.send(request, { "x-factdesk-fast-lane": "off" });
      if (next.problem) problems.push(`${label} through Next: ${next.problem}`);
      if (next.status !== first.status || next.code !== first.code)
        problems.push(`${label}: ${first.lane ? "lane" : "Next"} ${first.status} ${first.code}, Next ${next.status} ${next.code}`);
    }
  } finally {
    await session.dispose();
  }
  expect(problems).toEqual([]);
  // Most requests carry a token and a path the lane serves (the rest: anonymous, HEAD-less odd paths, streams).
  expect(lane).toBeGreaterThan(RUNS / 2);
});
