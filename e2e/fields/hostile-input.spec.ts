// Issue 14, "What was found": every small input that answered 500 (or was refused, or stored
// wrong) as a request against the real built server. Each must now be a 2xx with the right
// data or a 4xx in the JSON error shape, and never a 5xx.
import { expect, test } from "../fixtures/test";
import { createArticle, createDesk, testDb } from "../fixtures/factories";
import { actionResult, errorOf, postAction, signedIn, w3c, w3cOf } from "./helpers";

const WAGES = "Wages grew 5 percent in June. Prices rose sharply in May.\n\nThe figures come from the national statistics office.";

test("selections that start or end with whitespace are stored trimmed: API, server action and W3C import", async ({
  playwright,
  baseURL,
}) => {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { body: WAGES });
  const reviewer = await signedIn(playwright, baseURL!, desk.reviewer);
  const claims = `/api/v1/articles/${article.id}/claims`;

  for (const words of ["5 percent ", " 5 percent", "5 "]) {
    const created = await reviewer.post(claims, { data: w3cOf(WAGES, words) });
    expect(created.status(), JSON.stringify(words)).toBe(201);
    const { claim } = (await created.json()) as { claim: { id: string; exact: string } };
    expect(claim.exact).toBe(words.trim());
    expect((await testDb().claim.findUniqueOrThrow({ where: { id: claim.id }, select: { numeric: true } })).numeric).toMatchObject({
      value: 5,
    });
  }
  const blank = await reviewer.post(claims, { data: w3cOf(WAGES, "\n\n") });
  expect(blank.status()).toBe(422);
  expect((await errorOf(blank)).message).toBe("The selection contains only spaces, line breaks or invisible characters.");

  const viaAction = await postAction(
    reviewer,
    `/articles/${article.id}`,
    "createClaimAction",
    JSON.stringify([{ articleId: article.id, ...w3cOf(WAGES, "rose sharply ") }]),
  );
  expect(viaAction.status()).toBe(200);
  expect(await actionResult(viaAction)).toMatchObject({
    ok: true,
    data: { claim: { exact: "rose sharply" }, summary: { exact: "rose sharply" } },
  });

  const other = await createArticle(desk.team.id, { body: WAGES });
  const quote = (exact: string) => ({
    type: "Annotation",
    target: {
      selector: [
        { type: "TextQuoteSelector", exact },
        { type: "TextPositionSelector", start: WAGES.indexOf(exact), end: WAGES.indexOf(exact) + exact.length },
      ],
    },
  });
  const imported = await reviewer.post(`/api/v1/articles/${other.id}/annotations`, {
    data: { type: "AnnotationPage", items: [quote("5 percent "), quote("May.\n\n"), quote("June.")] },
  });
  expect(imported.status()).toBe(201);
  const stored = await testDb().claim.findMany({ where: { articleId: other.id }, orderBy: { start: "asc" }, select: { exact: true } });
  expect(stored.map((c) => c.exact)).toEqual(["5 percent", "June.", "May."]);
  await reviewer.dispose();
});

test("ids in a path that are not ids (NUL, invalid UTF-8) are a 4xx, never a 5xx", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const reviewer = await signedIn(playwright, baseURL!, desk.reviewer);
  const requests = [
    ["GET", "/api/v1/claims/%00"],
    ["GET", "/api/v1/claims/abc%00def"],
    ["GET", "/api/v1/claims/%C3%28"],
    ["GET", "/api/v1/claims/%FF"],
    ["GET", "/api/v1/articles/%00/claims"],
    ["GET", "/api/v1/articles/%C3%28/annotations"],
    ["POST", "/api/v1/claims/%00/comments"],
    ["POST", "/api/v1/claims/%C3%28/comments"],
    ["PUT", "/api/v1/claims/%00/status"],
    ["DELETE", "/api/v1/comments/%E2%82"],
  ] as const;
  // Soft: every case is checked and reported, not just the first that fails.
  for (const [method, url] of requests) {
    const response = await reviewer.fetch(url, {
      method,
      ...(method === "GET" || method === "DELETE" ? {} : { data: { body: "hello", status: "in_review" } }),
    });
    expect.soft(response.status(), `${method} ${url}`).toBeGreaterThanOrEqual(400);
    expect.soft(response.status(), `${method} ${url}`).toBeLessThan(500);
    expect
      .soft(await response.json().catch(() => null), `${method} ${url}: the JSON error shape`)
      .toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  }
  for (const page of ["/articles/%C3%28", "/articles/%00", "/reports/%FF"]) {
    const status = (await reviewer.get(page)).status();
    expect.soft(status, page).toBeGreaterThanOrEqual(400);
    expect.soft(status, page).toBeLessThan(500);
  }
  await reviewer.dispose();
});

test("NUL in any text field or id is refused with a 422 naming the field, and nothing changes", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const [reviewer, editor, admin] = await Promise.all([
    signedIn(playwright, baseURL!, desk.reviewer),
    signedIn(playwright, baseURL!, desk.editor),
    signedIn(playwright, baseURL!, desk.admin),
  ]);
  const body = desk.article.body;
  const claim = (
    (await (await reviewer.post(`/api/v1/articles/${desk.article.id}/claims`, { data: w3cOf(body, "Sir Keir Starmer") })).json()) as {
      claim: { id: string };
    }
  ).claim;
  const comment = (
    (await (await reviewer.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "First." } })).json()) as { comment: { id: string } }
  ).comment;
  const inTeam = { claim: { article: { teamId: desk.team.id } } };
  const counts = async () => ({
    comments: await testDb().comment.count({ where: inTeam }),
    evidence: await testDb().evidence.count({ where: inTeam }),
    claims: await testDb().claim.count({ where: { article: { teamId: desk.team.id } } }),
    articles: await testDb().article.count({ where: { teamId: desk.team.id } }),
    audit: await testDb().auditEvent.count({ where: { teamId: desk.team.id } }),
  });
  const before = await counts();

  const NUL = "has\u0000nul";
  const target = w3cOf(body, "Sir Keir Starmer").target;
  const withQuote = (field: "exact" | "prefix" | "suffix") => ({
    target: {
      selector: [
        { ...target.selector[0], [field]: `${target.selector[0][field as keyof (typeof target.selector)[0]]}\u0000` },
        target.selector[1],
      ],
    },
  });
  const evidence = {
    url: "https://example.org/report",
    title: "Report",
    excerpt: "",
    stance: "supports",
    sourceType: "primary",
    retrievedAt: "2025-02-18",
  };
  const numeric = { value: 2.3, unit: "percent", shareOf: "GDP", subject: "defence", place: "UK", period: "current" };
  const cases = [
    [reviewer, "POST", `/api/v1/articles/${desk.article.id}/claims`, withQuote("exact"), "exact"],
    [reviewer, "POST", `/api/v1/articles/${desk.article.id}/claims`, withQuote("prefix"), "prefix"],
    [reviewer, "POST", `/api/v1/articles/${desk.article.id}/claims`, withQuote("suffix"), "suffix"],
    [reviewer, "PUT", `/api/v1/claims/${claim.id}/verdict`, { verdict: "false", explanation: `An explanation ${NUL}` }, "explanation"],
    [reviewer, "POST", `/api/v1/claims/${claim.id}/comments`, { body: NUL }, "body"],
    [reviewer, "POST", `/api/v1/claims/${claim.id}/comments`, { body: "Reply", parentId: NUL }, "parentId"],
    [reviewer, "PATCH", `/api/v1/comments/${comment.id}`, { body: NUL }, "body"],
    [reviewer, "POST", `/api/v1/claims/${claim.id}/evidence`, { ...evidence, url: `https://example.org/${NUL}` }, "url"],
    [reviewer, "POST", `/api/v1/claims/${claim.id}/evidence`, { ...evidence, title: NUL }, "title"],
    [reviewer, "POST", `/api/v1/claims/${claim.id}/evidence`, { ...evidence, excerpt: NUL }, "excerpt"],
    ...(["unit", "shareOf", "subject", "place", "period"] as const).map(
      (field) =>
        [reviewer, "PUT", `/api/v1/claims/${claim.id}/numeric`, { numeric: { ...numeric, [field]: NUL } }, `numeric.${field}`] as const,
    ),
    [reviewer, "POST", `/api/v1/claims/${claim.id}/reviews`, { verdict: "false", explanation: `Independent ${NUL}` }, "explanation"],
    [
      reviewer,
      "POST",
      `/api/v1/claims/${claim.id}/anchor`,
      { version: 1, action: { kind: "span", start: 0, end: 3, exact: "Si\u0000" } },
      "action.exact",
    ],
    [reviewer, "POST", "/api/v1/me/tokens", { name: NUL, scope: "read" }, "name"],
    [editor, "PUT", `/api/v1/claims/${claim.id}/assignees`, { reviewerIds: [NUL] }, "reviewerIds.0"],
    [editor, "POST", "/api/v1/articles", { format: "text", content: "Body text.", title: NUL }, "title"],
    [editor, "POST", "/api/v1/articles", { format: "text", content: "Body text.", title: "T", byline: NUL }, "byline"],
    [
      editor,
      "POST",
      "/api/v1/articles",
      { format: "text", content: "Body text.", title: "T", sourceUrl: `https://example.org/${NUL}` },
      "sourceUrl",
    ],
    [editor, "POST", `/api/v1/articles/${desk.article.id}/versions`, { baseVersion: 1, title: NUL, markdown: "Text." }, "title"],
    [admin, "POST", "/api/v1/team/members", { email: `x${NUL}@example.org`, name: "X", role: "viewer" }, "email"],
    [admin, "PATCH", "/api/v1/team", { timeZone: `Europe/London${NUL}` }, "timeZone"],
  ] as const;
  expect(cases.length).toBeGreaterThanOrEqual(14);
  // Soft: every field is checked and reported, not just the first that fails.
  for (const [context, method, url, data, field] of cases) {
    const response = await context.fetch(url, { method, data });
    const label = `${method} ${url} ${field}`;
    expect.soft(response.status(), label).toBe(422);
    const error = ((await response.json().catch(() => null)) as { error?: { fields?: Record<string, string[]> } } | null)?.error;
    expect
      .soft(
        Object.keys(error?.fields ?? {}).some((key) => key === field || key.endsWith(`.${field}`)),
        `${label}: ${JSON.stringify(error)}`,
      )
      .toBe(true);
  }
  expect(await counts()).toEqual(before);
  await Promise.all([reviewer.dispose(), editor.dispose(), admin.dispose()]);
});

test("half a surrogate pair in a comment is refused with a 422, not stored or failed on", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const reviewer = await signedIn(playwright, baseURL!, desk.reviewer);
  const claim = (
    (await (
      await reviewer.post(`/api/v1/articles/${desk.article.id}/claims`, { data: w3cOf(desk.article.body, "Sir Keir Starmer") })
    ).json()) as { claim: { id: string } }
  ).claim;
  // JSON can carry "\ud800" on its own; it is not a character.
  const lone = await reviewer.post(`/api/v1/claims/${claim.id}/comments`, {
    data: Buffer.from('{"body":"half \\ud800 of an emoji"}'),
    headers: { "content-type": "application/json" },
  });
  expect(lone.status()).toBe(422);
  expect((await errorOf(lone)).message).toMatch(/broken character/);
  expect(await testDb().comment.count({ where: { claimId: claim.id } })).toBe(0);
  await reviewer.dispose();
});

async function assignedClaim(playwright: Parameters<typeof signedIn>[0], baseURL: string) {
  const desk = await createDesk();
  const [reviewer, editor] = await Promise.all([signedIn(playwright, baseURL, desk.reviewer), signedIn(playwright, baseURL, desk.editor)]);
  const claim = (
    (await (
      await reviewer.post(`/api/v1/articles/${desk.article.id}/claims`, { data: w3cOf(desk.article.body, "Sir Keir Starmer") })
    ).json()) as { claim: { id: string } }
  ).claim;
  const assign = (dueAt: string) =>
    editor.put(`/api/v1/claims/${claim.id}/assignees`, { data: { reviewerIds: [desk.reviewer.id], dueAt } });
  return { desk, reviewer, editor, claim, assign, dispose: () => Promise.all([reviewer.dispose(), editor.dispose()]) };
}

test("a due date given with an offset keeps the day written (2026-12-10, not 2026-12-11)", async ({ playwright, baseURL }) => {
  const { reviewer, assign, dispose } = await assignedClaim(playwright, baseURL!);
  const assigned = await assign("2026-12-10T18:00:00-08:00");
  expect(assigned.status()).toBe(200);
  expect(await assigned.json()).toMatchObject({ assignees: [{ dueAt: "2026-12-10" }] });
  expect(((await (await reviewer.get("/api/v1/me/queue")).json()) as { queue: { dueAt: string }[] }).queue[0]!.dueAt).toBe("2026-12-10");
  await dispose();
});

test("a due date of +010000-01-01 (or a day that does not exist) is refused, and the claim and My queue stay up", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { reviewer, claim, assign, dispose } = await assignedClaim(playwright, baseURL!);
  for (const dueAt of ["+010000-01-01", "-000001-01-01", "2026-02-30"]) {
    const refused = await assign(dueAt);
    expect.soft(refused.status(), dueAt).toBe(422);
    expect.soft((await refused.json()) as unknown, dueAt).toMatchObject({ error: { fields: { dueAt: [expect.any(String)] } } });
  }
  expect((await reviewer.get("/api/v1/me/queue")).status()).toBe(200);
  expect((await reviewer.get(`/api/v1/claims/${claim.id}`)).status()).toBe(200);
  await page.context().addCookies((await reviewer.storageState()).cookies);
  expect((await page.goto("/queue"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Needs me" })).toBeVisible();
  await dispose();
});

test("an evidence date with a negative or five-digit year is refused with a 422", async ({ playwright, baseURL }) => {
  const { reviewer, claim, dispose } = await assignedClaim(playwright, baseURL!);
  for (const retrievedAt of ["-000050-02-18", "+010000-01-01", "0000-01-01"]) {
    const evidence = await reviewer.post(`/api/v1/claims/${claim.id}/evidence`, {
      data: { url: "https://example.org", title: "x", stance: "supports", sourceType: "primary", retrievedAt },
    });
    expect.soft(evidence.status(), retrievedAt).toBe(422);
    expect
      .soft((await evidence.json()) as unknown, retrievedAt)
      .toMatchObject({ error: { fields: { retrievedAt: [expect.any(String)] } } });
  }
  expect(await testDb().evidence.count({ where: { claimId: claim.id } })).toBe(0);
  await dispose();
});

test("server-action bodies Next cannot read get a 4xx that says why", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const reviewer = await signedIn(playwright, baseURL!, desk.reviewer);
  const claim = (
    (await (
      await reviewer.post(`/api/v1/articles/${desk.article.id}/claims`, { data: w3cOf(desk.article.body, "Sir Keir Starmer") })
    ).json()) as { claim: { id: string } }
  ).claim;
  const page = `/articles/${desk.article.id}`;

  const notJson = await postAction(reviewer, page, "addCommentAction", "{not json");
  expect(notJson.status()).toBe(400);
  expect((await errorOf(notJson)).message).toMatch(/JSON or form data/);
  const brokenForm = await postAction(reviewer, page, "addCommentAction", "--x\r\nbroken", "multipart/form-data; boundary=x");
  expect(brokenForm.status()).toBe(400);
  const huge = await postAction(
    reviewer,
    page,
    "addCommentAction",
    JSON.stringify([{ claimId: claim.id, body: "x".repeat(3 * 1024 * 1024) }]),
  );
  expect(huge.status()).toBe(413);
  expect((await errorOf(huge)).message).toMatch(/larger than 3 MB/);

  // A well-formed action with NUL in it is the field rules' 422, as through the API.
  const nul = await postAction(reviewer, page, "addCommentAction", JSON.stringify([{ claimId: claim.id, body: "x\u0000y" }]));
  expect(await actionResult(nul)).toMatchObject({ ok: false, error: { code: "unprocessable" } });
  expect(await testDb().comment.count({ where: { claimId: claim.id } })).toBe(0);
  await reviewer.dispose();
});

test("plain-text comments are stored as written and shown literally, and nothing in them runs", async ({ page, playwright, baseURL }) => {
  const desk = await createDesk();
  const reviewer = await signedIn(playwright, baseURL!, desk.reviewer);
  const claim = (
    (await (
      await reviewer.post(`/api/v1/articles/${desk.article.id}/claims`, { data: w3cOf(desk.article.body, "Sir Keir Starmer") })
    ).json()) as { claim: { id: string } }
  ).claim;
  const bodies = ["Text with a < b and c > d comparison", "a <b> c", '<img src=x onerror="window.__xss=1">'];
  for (const text of bodies) {
    const posted = await reviewer.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: text } });
    expect(posted.status(), text).toBe(201);
    expect(((await posted.json()) as { comment: { body: string } }).comment.body).toBe(text);
  }
  await page.context().addCookies((await reviewer.storageState()).cookies);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const thread = page.getByTestId("comment-thread");
  for (const text of bodies) await expect(thread.getByText(text, { exact: true })).toBeVisible();
  expect(await thread.locator("b, img").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await reviewer.dispose();
});

test("quotes cut for the claim list never split an emoji (cut by graphemes)", async ({ page, playwright, baseURL }) => {
  const desk = await createDesk();
  const family = "👩‍👩‍👧";
  // 139 graphemes up to and including the family, then more: the list cuts at 140 with "…".
  const long = `${"w".repeat(137)} ${family} and more words after the family.`;
  const body = `${long}\n\nA second paragraph.`;
  const article = await createArticle(desk.team.id, { body });
  const reviewer = await signedIn(playwright, baseURL!, desk.reviewer);
  expect((await reviewer.post(`/api/v1/articles/${article.id}/claims`, { data: w3c(body, 0, long.length) })).status()).toBe(201);
  await page.context().addCookies((await reviewer.storageState()).cookies);
  await page.goto(`/articles/${article.id}`);
  const listed = await page.getByTestId("claim-list").locator("li").first().textContent();
  expect(listed).toContain("…");
  expect(listed).not.toMatch(/\uFFFD|[\uD800-\uDFFF]/u);
  expect(listed).toContain(family);
  await reviewer.dispose();
});
