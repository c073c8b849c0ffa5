import { runBench, withBenchDatabase } from "./database";
import { seedPlainAndMarked } from "./browser";
import { startStatementCounter } from "../scripts/lib/statement-counter";

async function main(url: string) {
  const counter = await startStatementCounter(Number(new URL(url).port));
  const proxied = new URL(url);
  proxied.port = String(counter.port);
  process.env.DATABASE_URL = proxied.toString();
  const { user, body, plain, marked } = await seedPlainAndMarked("editor", 1000);
  const { createClaimOnText } = await import("../lib/claims/create-claim");
  const { getClaimView } = await import("../lib/claims/claim-view");
  const { requireArticleWrite } = await import("../lib/access/require");
  const { beginKey, finishKey, runMarkingKey, hashBody } = await import("../lib/idempotency/keys");
  const { newClaimInput } = await import("../components/claims/selection");
  const { selectionRange } = await import("../lib/anchoring/selectors");
  const steps: Record<string, number[]> = {};
  const stmts: Record<string, number[]> = {};
  const time = async <T,>(name: string, f: () => Promise<T>): Promise<T> => {
    const c = counter.count();
    const t = performance.now();
    const r = await f();
    (steps[name] ??= []).push(performance.now() - t);
    (stmts[name] ??= []).push(counter.count() - c);
    return r;
  };
  let n = 0;
  for (let round = 0; round < 40; round++) {
    for (const article of [plain, marked]) {
      const which = article === plain ? "none" : "claims";
      let start = Math.floor(((n + 0.5) * body.length) / 90) + 11;
      n++;
      while (body[start - 1] !== " ") start++;
      let end = start;
      for (let w = 0; w < 5; w++) end = body.indexOf(" ", end + 1);
      const sel = selectionRange(body, start, end);
      if (!sel.ok) continue;
      const { parseInput } = await import("../lib/validation/parse"); const { ZCreateClaim } = await import("../lib/validation/claims"); const input = parseInput(ZCreateClaim, newClaimInput(article.id, body, sel.range));
      const total = performance.now();
      const c0 = counter.count();
      const lease = await time(`${which} beginKey`, async () => {
        const b = await beginKey({ userId: user.id, key: `k${round}-${which}-${Math.random()}`, method: "ACTION", path: "claim.create", bodyHash: hashBody(JSON.stringify(input)) });
        return b.kind === "run" ? b.lease : null;
      });
      const view = await runMarkingKey(lease!, async () => {
        await time(`${which} requireArticleWrite`, () => requireArticleWrite(article.id, user.id));
        const { claim, text } = await time(`${which} createClaimOnText`, () => createClaimOnText({ ...input, userId: user.id, answer: "id" }));
        return time(`${which} getClaimView`, () => getClaimView({ userId: user.id, claimId: claim.id, checkedBefore: "later", articleText: text }));
      });
      await time(`${which} finishKey`, () => finishKey(lease!, { status: 200, body: JSON.stringify(view), contentType: "application/json" }));
      (steps[`${which} TOTAL(excl extra requireArticleWrite)`] ??= []).push(performance.now() - total - steps[`${which} requireArticleWrite`]!.at(-1)!);
      (stmts[`${which} TOTAL(excl extra requireArticleWrite)`] ??= []).push(counter.count() - c0 - stmts[`${which} requireArticleWrite`]!.at(-1)!);
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;
  for (const k of Object.keys(steps).sort()) console.log(k.padEnd(50), "median", q(steps[k]!.slice(5), 0.5).toFixed(1), "p95", q(steps[k]!.slice(5), 0.95).toFixed(1), "stmts", q(stmts[k]!, 0.5));
  await counter.close();
}
runBench(() => withBenchDatabase("scratchadd", main));
