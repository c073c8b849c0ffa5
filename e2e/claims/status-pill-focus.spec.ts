// The claim panel's status pills while a status change is saving: they say they are busy (aria-busy on the group,
// aria-disabled on the pills) but stay focusable, so keyboard focus stays on the pill instead of dropping to <body>.
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { holdActions } from "../fixtures/hold-actions";
import { createDesk } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { PHRASES } from "../../lib/publish/test-helpers";

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? null, role: el?.getAttribute("role") ?? null, text: el?.textContent ?? null };
  });

test("while a status change saves, focus stays on the status pill and the pills say they are busy", async ({ page }) => {
  const desk = await createDesk();
  const claim = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, PHRASES.verified),
  });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const group = page.getByRole("radiogroup", { name: "Status" });
  const current = group.getByRole("radio", { checked: true });
  await expect(current).toContainText("Unreviewed");

  const release = await holdActions(page);
  await current.focus();
  await page.keyboard.press("ArrowRight");
  await expect(group).toHaveAttribute("aria-busy", "true");
  // Every pill says it is unavailable, none with the `disabled` attribute (which would drop focus to <body>).
  const pills = await group.evaluate((g) =>
    [...g.querySelectorAll<HTMLButtonElement>("[role=radio]")].map((b) => ({
      ariaDisabled: b.getAttribute("aria-disabled"),
      disabled: b.disabled,
    })),
  );
  expect(pills.length).toBeGreaterThan(1);
  for (const pill of pills) expect(pill).toEqual({ ariaDisabled: "true", disabled: false });
  expect(await focused(page)).toMatchObject({ tag: "BUTTON", role: "radio", text: expect.stringContaining("Unreviewed") });
  // A second key while saving changes nothing.
  await page.keyboard.press("ArrowRight");
  release();
  await expect(group.getByRole("radio", { checked: true })).toContainText("In review");
  await expect(group).not.toHaveAttribute("aria-busy", "true");
  expect(await focused(page)).toMatchObject({ role: "radio", text: expect.stringContaining("In review") });

  // By pointer: the clicked pill keeps focus while it saves.
  const release2 = await holdActions(page);
  await group.getByRole("radio", { name: /Unreviewed/ }).click();
  await expect(group).toHaveAttribute("aria-busy", "true");
  expect(await focused(page)).toMatchObject({ role: "radio", text: expect.stringContaining("Unreviewed") });
  release2();
  await expect(group.getByRole("radio", { checked: true })).toContainText("Unreviewed");
});
