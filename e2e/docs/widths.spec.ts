import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, createTeam, createUser } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { assignReviewers } from "../../lib/claims/assignments";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { addEvidence } from "../../lib/claims/evidence";
import { addComment } from "../../lib/claims/comments";
import { seedFactCheck } from "../../lib/publish/test-helpers";
import { publishReport } from "../../lib/publish/publish-report";

// Every page at the four widths of issue #19, for a person to look at:
// `WIDTHS=1 npm test -- --only=e2e --skip-build e2e/docs/widths.spec.ts` writes test-results/widths/*.png.
// It also checks what can be checked without eyes: no page is wider than the window.
test.skip(!process.env.WIDTHS, "only when looking at the layouts");
test.describe.configure({ timeout: 300_000 });

const WIDTHS = [1440, 1024, 820, 390];

/** Opening a claim scrolls its highlight into view smoothly: wait until the page stands still before a picture. */
async function untilStill(page: Page) {
  let lastY = -1;
  await expect
    .poll(async () => {
      const y = await page.evaluate(() => window.scrollY);
      const still = y === lastY;
      lastY = y;
      return still;
    })
    .toBe(true);
}

test("every page at 1440, 1024, 820 and 390 px", async ({ page }) => {
  const desk = await createDesk();
  await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  await signIn(page, desk.admin);
  const pages: [string, string][] = [
    ["articles", "/articles"],
    ["article", `/articles/${desk.article.id}`],
    ["new-article", "/articles/new"],
    ["edit", `/articles/${desk.article.id}/edit`],
    ["versions", `/articles/${desk.article.id}/versions`],
    ["queue", "/queue"],
    ["notifications", "/notifications"],
    ["stats", "/stats"],
    ["team", "/team"],
    ["account", "/account"],
    ["tokens", "/account/tokens"],
    ["report", `/reports/${desk.article.id}`],
    ["search", "/search?q=backstop"],
  ];
  const wide: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 820 ? 1180 : width === 390 ? 844 : 900 });
    for (const [name, path] of pages) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      if (name === "article") {
        // Keys pressed before the page has hydrated do nothing: press until the panel opens.
        await expect(async () => {
          await page.keyboard.press("Escape");
          await page.keyboard.press("j");
          await page.keyboard.press("Enter");
          await expect(page.getByTestId("claim-panel")).toBeVisible({ timeout: 2_000 });
        }).toPass();
        await untilStill(page);
        const box = await page.getByTestId("claims-sidebar").boundingBox();
        expect(box && box.y < 900 && box.x + box.width <= width + 1, `claim panel on screen at ${width}`).toBe(true);
      }
      await page.screenshot({ path: `test-results/widths/${name}-${width}.png` });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) wide.push(`${name} at ${width}: ${scrollWidth}px`);
    }
  }
  expect(wide).toEqual([]);
});

// A desk that is hard to lay out: long names, a long quote, many claims, right-to-left and CJK text, many articles.
const LONG_NAME = "Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach";
const HARD_BODY = [
  "The minister said that “the government has increased spending on public health by more than forty-seven per cent in real terms since the last general election, and that every hospital trust in the country has received more money per patient than in any previous parliament, a record no previous administration can claim” before leaving the chamber.",
  "قال الوزير إن الحكومة زادت الإنفاق على الصحة العامة بنسبة سبعة وأربعين في المائة منذ الانتخابات الأخيرة.",
  "部长表示，自上次大选以来，政府在公共卫生方面的实际支出增加了百分之四十七，每家医院信托基金获得的人均资金都超过了以往任何一届议会。",
  "Unemployment fell to 3.9 per cent in the three months to September. Inflation was 2.1 per cent in October. Wages rose 5.6 per cent. House prices rose 4.2 per cent. Exports fell 1.3 per cent. Borrowing was £13.6bn in October.",
  "https://www.example.org/a/very/long/address/without/any/spaces/that/a/narrow/screen/has/to/wrap/somewhere/or/scroll/sideways/index.html",
].join("\n\n");
const HARD_CLAIMS = [
  "the government has increased spending on public health by more than forty-seven per cent in real terms since the last general election, and that every hospital trust in the country has received more money per patient than in any previous parliament, a record no previous administration can claim",
  "زادت الإنفاق على الصحة العامة بنسبة سبعة وأربعين في المائة",
  "政府在公共卫生方面的实际支出增加了百分之四十七",
  "Unemployment fell to 3.9 per cent",
  "Inflation was 2.1 per cent in October",
  "Wages rose 5.6 per cent",
  "House prices rose 4.2 per cent",
  "Exports fell 1.3 per cent",
  "Borrowing was £13.6bn in October",
];

test("a hard desk at 1440, 1024, 820 and 390 px", async ({ page }) => {
  const team = await createTeam(`${LONG_NAME} Investigations Desk`);
  const reviewer = await createUser(team.id, "reviewer", "reviewer", LONG_NAME);
  const editor = await createUser(team.id, "editor", "editor", "Zhang Wei-Ling (张伟玲), Senior Standards Editor");
  const article = await createArticle(team.id, {
    title: "Minister’s claim of a forty-seven per cent rise in health spending since the election — وزير الصحة — 部长声称",
    body: HARD_BODY,
  });
  for (let i = 0; i < 30; i++) await createArticle(team.id, { title: `Article ${i + 1}: ${"a long headline ".repeat(4)}` });
  for (const [index, phrase] of HARD_CLAIMS.entries()) {
    const claim = await createClaim({ userId: reviewer.id, articleId: article.id, target: targetFor(HARD_BODY, phrase) });
    await assignReviewers({ userId: editor.id, claimId: claim.id, reviewerIds: [reviewer.id], dueAt: "2026-12-01" });
    if (index % 2 === 0)
      await setClaimVerdict({
        userId: reviewer.id,
        claimId: claim.id,
        verdict: "misleading",
        explanation: "The figure counts capital spending that the ministry’s own annual report excludes from day-to-day health budgets.",
      });
    if (index === 0) {
      await addEvidence({
        userId: reviewer.id,
        claimId: claim.id,
        url: "https://www.example.org/a/very/long/address/without/any/spaces/that/a/narrow/screen/has/to/wrap/index.html",
        title: "Department of Health and Social Care annual report and accounts 2024 to 2025, volume two, annexes",
        excerpt: "Total departmental expenditure limit rose from £147.1bn to £192.0bn; see table 4.3 and the notes beneath it.",
        stance: "contradicts",
        sourceType: "primary",
        retrievedAt: new Date("2026-11-20"),
      });
      await addComment({ userId: editor.id, claimId: claim.id, body: `@${LONG_NAME} can we check table 4.3 again? ${"x".repeat(80)}` });
      await setClaimStatus({ userId: editor.id, claimId: claim.id, status: "verified" });
    }
  }
  await publishReport({ userId: editor.id, articleId: article.id });
  const pages: [string, string][] = [
    ["hard-articles", "/articles"],
    ["hard-article", `/articles/${article.id}`],
    ["hard-queue", "/queue"],
    ["hard-team", "/team"],
    ["hard-account", "/account"],
    ["hard-report", `/reports/${article.id}`],
  ];
  const wide: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 820 ? 1180 : width === 390 ? 844 : 900 });
    await page.context().clearCookies();
    for (const [name, path] of [
      ["signin", "/signin"],
      ["setup", "/setup"],
      ["join", "/join?token=nope"],
    ] as const) {
      await page.goto(path);
      await page.screenshot({ path: `test-results/widths/${name}-${width}.png` });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) wide.push(`${name} at ${width}: ${scrollWidth}px`);
    }
    await signIn(page, width % 2 ? editor : reviewer);
    for (const [name, path] of pages) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      if (name === "hard-article") {
        await expect(async () => {
          await page.keyboard.press("Escape");
          await page.keyboard.press("j");
          await page.keyboard.press("Enter");
          await expect(page.getByTestId("claim-panel")).toBeVisible({ timeout: 2_000 });
        }).toPass();
        await untilStill(page);
        await page.screenshot({ path: `test-results/widths/${name}-open-${width}.png` });
        await page.keyboard.press("Escape");
      }
      await page.screenshot({ path: `test-results/widths/${name}-${width}.png`, fullPage: name !== "hard-article" });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) wide.push(`${name} at ${width}: ${scrollWidth}px`);
    }
  }
  expect(wide).toEqual([]);
});
