// The claims API as a W3C client (Hypothesis-style) uses it, with a personal API token: quotes with context of any
// length or none, with or without a TextPositionSelector, beside selectors we do not use.
import { expect, test, type APIRequestContext } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { createArticle, createDesk, testDb } from "../fixtures/factories";

const BODY =
  "The rate fell by 2 per cent in March, the statistics office said.\n\n" +
  "Then the rate rose again in April, and the rate fell in May.\n\n" +
  "Critics disputed the figure.";

type Created = { claim: { id: string; start: number; end: number; target: { selector: { prefix?: string; suffix?: string }[] } } };

async function errorOf(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

test("quotes are placed as W3C clients send them, and refusals say what to fix", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { body: BODY });
  const { secret } = await createApiToken({
    userId: desk.reviewer.id,
    teamId: desk.team.id,
    input: { name: "w3c client", scope: "read_write", expiresIn: "7d" },
  });
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const post = (...selector: unknown[]) => api.post(`/api/v1/articles/${article.id}/claims`, { data: { target: { selector } } });
  const quote = (exact: string, context: { prefix?: string; suffix?: string } = {}) => ({ type: "TextQuoteSelector", exact, ...context });
  const at = (phrase: string, from = 0) => BODY.indexOf(phrase, from);

  // Hypothesis's shape: a RangeSelector first, then position, then a quote with a short prefix and suffix.
  const march = at("2 per cent in March");
  const hypothesis = await post(
    { type: "RangeSelector", startContainer: "/main[1]/p[1]", startOffset: 17, endContainer: "/main[1]/p[1]", endOffset: 36 },
    { type: "TextPositionSelector", start: march, end: march + "2 per cent in March".length },
    quote("2 per cent in March", { prefix: "l by ", suffix: ", t" }),
  );
  expect(hypothesis.status()).toBe(201);
  const first = ((await hypothesis.json()) as Created).claim;
  // What is stored is the canonical target: 32 characters of context, whatever the client sent.
  expect(first.target.selector[0]).toMatchObject({ prefix: BODY.slice(0, march), suffix: BODY.slice(first.end, first.end + 32) });

  // A quote alone, no prefix or suffix, no position: placed where it occurs once.
  const critics = await post(quote("Critics disputed the figure"));
  expect(critics.status()).toBe(201);
  expect(((await critics.json()) as Created).claim).toMatchObject({ start: at("Critics"), end: at("Critics") + 27 });

  // A quote that occurs twice: refused with how many places match and what tells them apart…
  const twice = await post(quote("the rate"));
  expect(twice.status()).toBe(422);
  expect(await errorOf(twice)).toMatchObject({
    code: "unprocessable",
    message:
      "The quote matches 2 places in the article: send a prefix or suffix (the text just before or after it), or a TextPositionSelector, to say which one.",
  });
  // …and placed once a suffix of a few characters does.
  const may = await post(quote("the rate", { suffix: " fell" }));
  expect(may.status()).toBe(201);
  expect(((await may.json()) as Created).claim.start).toBe(at("the rate fell in May"));

  // Position and quote disagree: the answer quotes what the article has at that position.
  const april = at("April");
  const moved = await post({ type: "TextPositionSelector", start: april, end: april + 5 }, quote("March"));
  expect(moved.status()).toBe(422);
  expect((await errorOf(moved)).message).toBe(
    `The selected text does not match the article at that position: at ${april}–${april + 5} the article has “April”.`,
  );
  // A prefix that does not agree with the text, with a position and without one.
  const wrongPrefix = await post({ type: "TextPositionSelector", start: april, end: april + 5 }, quote("April", { prefix: "again on " }));
  expect((await errorOf(wrongPrefix)).message).toBe(
    "The text just before the selection does not match the article: the article has “again in ” before it.",
  );
  expect((await errorOf(await post(quote("April", { prefix: "again on " })))).message).toMatch(
    /^The quote is in the article, but not with/,
  );
  // Not in the article at all.
  const absent = await post(quote("the rate doubled"));
  expect(absent.status()).toBe(422);
  expect((await errorOf(absent)).message).toBe("The quote “the rate doubled” does not occur in the article.");

  const stored = await testDb().claim.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
  expect(stored.map((c) => c.exact)).toEqual(["2 per cent in March", "the rate", "Critics disputed the figure"]);
  expect(stored.map((c) => [c.prefix, c.suffix])).toEqual(
    stored.map((c) => [BODY.slice(Math.max(0, c.start - 32), c.start), BODY.slice(c.end, c.end + 32)]),
  );
  await api.dispose();
});
