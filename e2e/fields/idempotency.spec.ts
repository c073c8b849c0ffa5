// Issue 14, item 5: a create whose answer was lost is retried with the same Idempotency-Key and
// must give the first answer again, creating nothing new: through the API and through the
// server actions the page itself sends.
import { expect, test, type Request } from "../fixtures/test";
import { createDesk, testDb } from "../fixtures/factories";
import { signIn } from "../fixtures/auth";
import { selectInArticle } from "../fixtures/selection";
import { actionResult, errorOf, postAction, signedIn, w3cOf } from "./helpers";

test("a retried API create with the same Idempotency-Key answers the first result and creates nothing", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const [reviewer, reviewer2] = await Promise.all([
    signedIn(playwright, baseURL!, desk.reviewer),
    signedIn(playwright, baseURL!, desk.reviewer2),
  ]);
  const claims = `/api/v1/articles/${desk.article.id}/claims`;
  const data = w3cOf(desk.article.body, "Sir Keir Starmer");
  const key = { "Idempotency-Key": `claim-${Date.now()}` };

  const first = await reviewer.post(claims, { data, headers: key });
  expect(first.status()).toBe(201);
  expect(first.headers()["idempotent-replayed"]).toBeUndefined();
  const retry = await reviewer.post(claims, { data, headers: key });
  expect(retry.status()).toBe(201);
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  expect(await retry.json()).toEqual(await first.json());
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(1);

  // The same key for something else is a mistake the client must hear about.
  const reused = await reviewer.post(claims, { data: w3cOf(desk.article.body, "emergency talks"), headers: key });
  expect(reused.status()).toBe(422);
  expect((await errorOf(reused)).message).toMatch(/different request/);
  // Keys belong to their user: the same key from a colleague is theirs.
  expect((await reviewer2.post(claims, { data, headers: key })).status()).toBe(201);
  // Without a key, a create is a create.
  expect((await reviewer.post(claims, { data })).status()).toBe(201);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(3);

  const { claim } = (await first.json()) as { claim: { id: string } };
  const commentKey = { "Idempotency-Key": `comment-${Date.now()}` };
  const comment = await reviewer.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "Checked." }, headers: commentKey });
  const again = await reviewer.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "Checked." }, headers: commentKey });
  expect([comment.status(), again.status()]).toEqual([201, 201]);
  expect(await again.json()).toEqual(await comment.json());
  expect(await testDb().comment.count({ where: { claimId: claim.id } })).toBe(1);

  const malformed = await reviewer.post(`/api/v1/claims/${claim.id}/comments`, {
    data: { body: "x" },
    headers: { "Idempotency-Key": "k".repeat(256) },
  });
  expect(malformed.status()).toBe(422);
  await Promise.all([reviewer.dispose(), reviewer2.dispose()]);
});

test("the claim and comment forms send a key per submission, and a retried action creates nothing new", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const isAction = (request: Request) => request.method() === "POST" && request.headers()["next-action"] !== undefined;

  await selectInArticle(page, "Sir Keir Starmer");
  const [createRequest] = await Promise.all([page.waitForRequest(isAction), page.getByRole("button", { name: "+ Add claim" }).click()]);
  // The stored claim's panel: the claim shows before the server has stored it (add-claim-at-once.spec.ts).
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText("Sir Keir Starmer");
  expect(createRequest.postData()).toContain("idempotencyKey");
  const created = await testDb().claim.findMany({ where: { articleId: desk.article.id }, select: { id: true } });
  expect(created).toHaveLength(1);

  // The answer was lost; the page retries exactly what it sent.
  const replay = async (request: Request) => {
    const sent = await request.allHeaders();
    const headers = Object.fromEntries(
      ["next-action", "next-router-state-tree", "content-type", "accept", "origin"]
        .filter((h) => sent[h] !== undefined)
        .map((h) => [h, sent[h]!]),
    );
    return page.request.post(request.url(), { headers, data: request.postData()! });
  };
  const retried = await replay(createRequest);
  // Actions answer with the claim view (the claim and its list entry, issue #21).
  expect(await actionResult(retried)).toMatchObject({ ok: true, data: { claim: { id: created[0]!.id } } });
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(1);

  await page.getByLabel("Comment", { exact: true }).fill("Source: the Downing Street readout.");
  const [commentRequest] = await Promise.all([
    page.waitForRequest(isAction),
    page.getByRole("button", { name: "Comment", exact: true }).click(),
  ]);
  await expect(page.getByTestId("comment")).toHaveCount(1);
  const comment = await testDb().comment.findFirstOrThrow({ where: { claimId: created[0]!.id }, select: { id: true } });
  expect(await actionResult(await replay(commentRequest))).toMatchObject({
    ok: true,
    data: { claim: { id: created[0]!.id, comments: [{ id: comment.id }] } },
  });
  expect(await testDb().comment.count({ where: { claimId: created[0]!.id } })).toBe(1);
});

test("an idempotent action's second argument, whatever the client sends, is a key, no key, or a 422; never a failure on our side", async ({
  playwright,
  baseURL,
}) => {
  const desk = await createDesk();
  const reviewer = await signedIn(playwright, baseURL!, desk.reviewer);
  const page = `/articles/${desk.article.id}`;
  const input = { articleId: desk.article.id, ...w3cOf(desk.article.body, "Sir Keir Starmer") };
  // null, a key of null and a missing key all mean "no key": the claim is created.
  for (const call of [null, {}, { idempotencyKey: null }]) {
    const result = await actionResult(await postAction(reviewer, page, "createClaimAction", JSON.stringify([input, call])));
    expect(result, JSON.stringify(call)).toMatchObject({ ok: true });
  }
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(3);
  // Anything else that is not a key is the client's mistake, for every action that takes one.
  for (const name of ["createClaimAction", "addCommentAction", "addEvidenceAction", "addCorrectionAction"]) {
    for (const idempotencyKey of [5, "", ["k"], { k: 1 }]) {
      const result = await actionResult(await postAction(reviewer, page, name, JSON.stringify([{}, { idempotencyKey }])));
      expect(result, `${name} ${JSON.stringify(idempotencyKey)}`).toMatchObject({ ok: false, error: { code: "unprocessable" } });
    }
  }
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(3);
  // What React decodes from an action's body may hold a BigInt ("$n1") or point back at itself ("$0"), which JSON
  // cannot write: with a key, that is the field rules' 422 too, not a failure while keeping the key.
  for (const name of ["createClaimAction", "addCommentAction", "addEvidenceAction", "addCorrectionAction"]) {
    for (const args of [
      [{ claimId: "$n1", articleId: "$n1" }, { idempotencyKey: `bigint-${name}` }],
      [{ ...input, extra: "$n1" }, { idempotencyKey: `extra-${name}` }],
      [{ claimId: "$0", articleId: "$0" }, { idempotencyKey: `cycle-${name}` }],
    ]) {
      const result = await actionResult(await postAction(reviewer, page, name, JSON.stringify(args)));
      expect(result, `${name} ${JSON.stringify(args).slice(0, 80)}`).not.toMatchObject({ error: { code: "internal" } });
    }
  }
  await reviewer.dispose();
});
