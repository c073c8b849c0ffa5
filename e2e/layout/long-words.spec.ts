import { expect, test, type Locator, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createTeam, createUser } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { publishReport } from "../../lib/publish/publish-report";

// What a desk with real names and real copy looks like (ux30): a name longer than the top bar has room for, and an
// address with no space in it inside the article. Seen in test-results/widths (e2e/docs/widths.spec.ts).

const LONG_NAME = "Maximiliane Alexandra von Hohenzollern-Sigmaringen-Wittelsbach";
const ADDRESS = "https://www.example.org/a/very/long/address/without/any/spaces/that/a/narrow/column/has/to/wrap/index.html";
const BODY = [
  "The minister said spending rose by forty-seven per cent since the election.",
  `The figures are at ${ADDRESS} for anyone who wants to check them.`,
].join("\n\n");

/** Whether two boxes on the page share any pixel. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, "on the page").not.toBeNull();
  return found!;
}

/** The right edge of the last character of `text` inside `scope`, and the right edge of the paragraph holding it. */
function endOf(page: Page, scope: string, text: string) {
  return page.evaluate(
    ([scope, text]) => {
      const root = document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + text.length - 1);
        range.setEnd(node, at + text.length);
        const block = node.parentElement!.closest("p, li, blockquote, h2, h3, pre")!;
        return { char: range.getBoundingClientRect().right, block: block.getBoundingClientRect().right };
      }
      return null;
    },
    [scope, text] as const,
  );
}

test("a long name in the top bar never lies over the search box or the bell", async ({ page }) => {
  const team = await createTeam();
  const reviewer = await createUser(team.id, "reviewer", "reviewer", LONG_NAME);
  await signIn(page, reviewer);
  for (const width of [1440, 1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/articles");
    const search = page.getByRole("searchbox", { name: /Search articles/ });
    const bell = page.getByRole("link", { name: /Notifications/ });
    const account = page.getByRole("link", { name: "Account", exact: true });
    const name = page.getByTestId("signed-in-user");
    const boxes = { bell: await box(bell), account: await box(account) };
    if (await search.isVisible()) {
      const searchBox = await box(search);
      expect(searchBox.width, `search box usable at ${width}`).toBeGreaterThanOrEqual(100);
      for (const [what, other] of Object.entries(boxes))
        expect(overlap(searchBox, other), `search box and ${what} at ${width}`).toBe(false);
      if (await name.isVisible()) expect(overlap(searchBox, await box(name)), `search box and name at ${width}`).toBe(false);
    }
    if (await name.isVisible()) {
      expect(overlap(await box(name), boxes.bell), `name and bell at ${width}`).toBe(false);
      // Cut short on screen, whole on hover.
      await expect(name).toHaveAttribute("title", new RegExp(LONG_NAME));
    }
  }
});

test("an address with no space in it wraps inside the reading column, on the desk and on the public report", async ({ page }) => {
  const team = await createTeam();
  const editor = await createUser(team.id, "editor");
  const reviewer = await createUser(team.id, "reviewer");
  const article = await createArticle(team.id, { body: BODY });
  const claim = await createClaim({ userId: editor.id, articleId: article.id, target: targetFor(BODY, "forty-seven per cent") });
  await setClaimVerdict({ userId: reviewer.id, claimId: claim.id, verdict: "false", explanation: "It rose by 12 per cent." });
  await setClaimStatus({ userId: editor.id, claimId: claim.id, status: "verified" });
  await publishReport({ userId: editor.id, articleId: article.id });
  await signIn(page, editor);
  for (const width of [1440, 820, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [where, path, scope] of [
      ["desk", `/articles/${article.id}`, "[data-testid=article-body]"],
      ["report", `/reports/${article.id}`, "main"],
    ] as const) {
      await page.goto(path);
      const end = await endOf(page, scope, "index.html");
      expect(end, `the address on the ${where} page`).not.toBeNull();
      // The address's last character is inside its paragraph (wrapped), not past its edge (cut off).
      expect(end!.char, `end of the address on the ${where} page at ${width}`).toBeLessThanOrEqual(end!.block + 1);
    }
  }
});
