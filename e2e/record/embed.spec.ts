import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "../fixtures/test";
import { publishReport } from "../../lib/publish/publish-report";
import { SECRETS, seedFactCheck } from "../../lib/publish/test-helpers";
import { createDesk } from "../fixtures/factories";

test("an oEmbed endpoint and an embeddable verdict card, for verified claims of published reports only", async ({ browser, baseURL }) => {
  const desk = await createDesk();
  const seeded = await seedFactCheck(desk);
  const context = await browser.newContext();
  const request = context.request;
  const cardUrl = (claimId: string) => `${baseURL}/reports/${desk.article.id}#claim-${claimId}`;
  const oembed = (url: string, extra = "") => request.get(`/api/oembed?url=${encodeURIComponent(url)}${extra}`);

  // Not published yet: nothing to embed.
  expect((await oembed(cardUrl(seeded.verified.id))).status()).toBe(404);
  expect((await request.get(`/embed/claims/${seeded.verified.id}`)).status()).toBe(404);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });

  const answer = await oembed(cardUrl(seeded.verified.id), "&maxwidth=400");
  expect(answer.status()).toBe(200);
  const data = (await answer.json()) as { version: string; type: string; html: string; width: number; title: string };
  expect(data).toMatchObject({ version: "1.0", type: "rich", width: 400 });
  expect(data.html).toContain(`${baseURL}/embed/claims/${seeded.verified.id}`);
  expect(data.title).toContain("Mostly true");
  for (const hidden of [seeded.proposed, seeded.doubleReview, seeded.plain]) expect((await oembed(cardUrl(hidden.id))).status()).toBe(404);
  expect((await oembed(`https://elsewhere.example/reports/${desk.article.id}#claim-${seeded.verified.id}`)).status()).toBe(404);
  expect((await oembed(cardUrl(seeded.verified.id), "&format=xml")).status()).toBe(501);

  // The card itself: framable by any site, the report page is not.
  const card = await request.get(`/embed/claims/${seeded.verified.id}`);
  expect(card.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(card.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
  expect(card.headers()["x-frame-options"]).toBeUndefined();
  const html = await card.text();
  for (const secret of Object.values(SECRETS)) expect(html).not.toContain(secret);
  for (const hidden of [seeded.proposed, seeded.doubleReview, seeded.plain]) expect(html).not.toContain(hidden.id);
  const report = await request.get(`/reports/${desk.article.id}`);
  expect(report.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(report.headers()["x-frame-options"]).toBe("DENY");

  // A newsroom's page on another origin (a small local server: CSP's frame-ancestors * covers
  // http origins, not about:blank, and Chromium keeps public pages from framing localhost).
  const cms = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><main><h1>Our story</h1>${data.html}</main>`);
  });
  await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve));
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(cms.address() as AddressInfo).port}/story`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByTestId("verdict-chip")).toHaveText("Mostly true");
  await expect(frame.getByRole("link", { name: "Read the full report" })).toHaveAttribute("href", cardUrl(seeded.verified.id));

  cms.close();

  // The report page says where its embeds are.
  await page.goto(`/reports/${desk.article.id}`);
  await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveAttribute("href", /\/api\/oembed\?url=/);
});
