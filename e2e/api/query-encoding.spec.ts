// Stop 27: bytes in a query string that are not UTF-8 (`GET /api/v1/search?q=%FF`) were decoded as U+FFFD and
// searched for. Every route's query is now checked before it is read (lib/http/query-string.ts, called by route()):
// 400 with a message saying which parameter, through the fast lane and through Next alike (`x-factdesk-fast-lane: off`).
// Next decodes such bytes before a handler sees the URL, so scripts/serve.ts checks the raw target (request-target.ts).
import { expect, test } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { createDesk } from "../fixtures/factories";
import { RawClient } from "../fixtures/raw-http";

test.describe("query strings that are not UTF-8", () => {
  test("answer 400 with a clear message on every route, and valid text still searches", async ({ baseURL }) => {
    const client = new RawClient(baseURL!);
    const desk = await createDesk();
    const { secret } = await createApiToken({
      userId: desk.reviewer.id,
      teamId: desk.team.id,
      input: { name: "q", scope: "read", expiresIn: "7d" },
    });
    const get = (path: string, lane: boolean) =>
      client.request("GET", path, { headers: { authorization: `Bearer ${secret}`, ...(lane ? {} : { "x-factdesk-fast-lane": "off" }) } });

    for (const lane of [true, false]) {
      for (const path of [
        "/api/v1/search?q=%FF",
        "/api/v1/search?q=caf%C3", // a UTF-8 sequence cut short
        "/api/v1/search?q=%ED%A0%80", // an encoded surrogate: not UTF-8 either
        `/api/v1/articles?tag=%C0%AF`, // an overlong "/"
        `/api/v1/articles/${desk.article.id}/claims?status=%FE`,
      ]) {
        const answer = await get(path, lane);
        expect(answer.status, `${path} lane=${lane}: ${answer.text.slice(0, 200)}`).toBe(400);
        const { error } = answer.json<{ error: { code: string; message: string } }>();
        expect(error.code).toBe("bad_request");
        expect(error.message).toMatch(/^The query parameter "\w+" is not UTF-8 text/);
      }
      // Encoded UTF-8 is fine: "café" and "naïve" search as themselves.
      const fine = await get("/api/v1/search?q=caf%C3%A9%20na%C3%AFve", lane);
      expect(fine.status, fine.text.slice(0, 200)).toBe(200);
    }
  });
});

test.describe("page addresses whose query is not UTF-8", () => {
  test("answer a 400 page that says so and links to the page without the query", async ({ page }) => {
    // Pages read such bytes as U+FFFD too: /search?q=%FF searched for "\uFFFD".
    const answer = await page.goto("/search?q=%FF");
    expect(answer?.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "This address could not be read" })).toBeVisible();
    await expect(page.getByText(/The query parameter "q" is not UTF-8 text/)).toBeVisible();
    await expect(page.getByTestId("without-query")).toHaveAttribute("href", "/search");
    // Valid UTF-8 still reaches the page (here: the sign-in it asks for first).
    const fine = await page.goto("/search?q=caf%C3%A9");
    expect(fine?.status()).toBe(200);
  });
});
