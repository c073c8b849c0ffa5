import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { chooseImportTab } from "../fixtures/import-form";

// The same hostile page the unit tests feed to the importer; here it goes through the real UI
// and is checked where it matters: in Chromium, on the article page.
const HOSTILE = readFileSync(path.join(__dirname, "..", "..", "lib", "articles", "import", "fixtures", "hostile.html"), "utf8");

/** Everything a payload could have done or left behind, read from the live DOM. */
async function inspectArticlePage(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main")!;
    const body = document.querySelector("[data-testid=article-body]")!;
    const everything = Array.from(document.querySelectorAll("*"));
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      dangerousInMain: Array.from(
        main.querySelectorAll("script, iframe, frame, svg, math, object, embed, style, base, meta, link, form, img, template, noscript"),
      ).map((el) => el.outerHTML.slice(0, 120)),
      // The app's own icons (top bar) are marked data-ui-icon; anything else of these kinds came from the import.
      dangerousAnywhere: Array.from(document.querySelectorAll("iframe, frame, svg, math, object, embed, base"))
        .filter((el) => !el.hasAttribute("data-ui-icon"))
        .map((el) => el.tagName),
      handlers: everything.flatMap((el) =>
        el
          .getAttributeNames()
          .filter((name) => name.startsWith("on"))
          .map((name) => `${el.tagName}[${name}]`),
      ),
      styleAttributes: Array.from(body.querySelectorAll("[style]")).length,
      badLinks: Array.from(document.querySelectorAll("a[href]"))
        .map((a) => (a as HTMLAnchorElement).href)
        .filter((href) => !/^(https?:|mailto:)/i.test(href)),
      bodyLinks: Array.from(body.querySelectorAll("a")).map((a) => ({
        href: a.getAttribute("href"),
        rel: a.getAttribute("rel"),
        text: a.textContent,
      })),
      headings: Array.from(body.querySelectorAll("h2, h3")).map((h) => h.textContent),
      listItems: Array.from(body.querySelectorAll("ul > li")).map((li) => li.textContent),
      quotes: Array.from(body.querySelectorAll("blockquote")).map((q) => q.textContent),
      text: (body as HTMLElement).innerText,
    };
  });
}

async function expectNothingHostile(page: Page) {
  await page.waitForLoadState("load");
  const seen = await inspectArticlePage(page);
  expect(seen.pwned).toBeUndefined();
  expect(seen.dangerousInMain).toEqual([]);
  expect(seen.dangerousAnywhere).toEqual([]);
  expect(seen.handlers).toEqual([]);
  expect(seen.styleAttributes).toBe(0);
  expect(seen.badLinks).toEqual([]);
  // The article itself is all there, with its structure.
  expect(seen.text).toContain("The council said its budget grew by 12 per cent this year");
  expect(seen.text).toContain("Verdict: the 12 per cent figure is misleading");
  expect(seen.text).toContain('<b onclick="x">Escaped markup</b> is shown as text');
  expect(seen.headings).toContain("What the accounts show");
  expect(seen.listItems).toEqual([
    "Council tax income rose by 4.9 per cent.",
    "Grants from central government fell by 2 per cent.",
    "A javascript link sits in this item.",
  ]);
  expect(seen.quotes).toEqual(["“This is the biggest investment in local services for a decade,” the leader said."]);
  expect(seen.bodyLinks).toEqual([
    { href: "https://example.org/accounts", rel: "noopener noreferrer nofollow", text: "the annual accounts" },
  ]);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

// A click that lands before the form has hydrated does nothing (the tabs need React): CI
// caught that once. Click until the tab reports itself selected.
test("an editor pastes a hostile page: the article arrives with its structure and none of the payloads", async ({ page }) => {
  const desk = await createDesk();
  const dialogs = watchDialogs(page);
  await signIn(page, desk.editor);
  await page.goto("/articles");
  await page.getByRole("link", { name: "New article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New article" })).toBeVisible();

  await chooseImportTab(page, "Paste HTML");
  await page.getByLabel("HTML", { exact: true }).fill(HOSTILE);
  await expect(page.getByTestId("import-preview")).toContainText("Council budget claims checked");
  await page.getByLabel("Source URL").fill("https://www.example.org/council-budget");
  await page.getByLabel("Published", { exact: true }).fill("2026-11-20");
  await page.getByRole("button", { name: "Import article" }).click();

  await expect(page).toHaveURL(/\/articles\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Council budget claims checked");
  await expect(page.getByText("Sam Reporter")).toBeVisible();
  await expectNothingHostile(page);
  expect(dialogs).toEqual([]);
});

test("an editor uploads the hostile page as a file, with a title of their own", async ({ page }) => {
  const desk = await createDesk();
  const dialogs = watchDialogs(page);
  await signIn(page, desk.admin);
  await page.goto("/articles/new");
  await chooseImportTab(page, "Upload file");
  await page.getByLabel("File").setInputFiles({ name: "council-budget.html", mimeType: "text/html", buffer: Buffer.from(HOSTILE) });
  await expect(page.getByTestId("import-file-info")).toContainText("council-budget.html");
  await expect(page.getByTestId("import-file-info")).toContainText("read as HTML");
  await page.getByLabel("Title").fill("Budget claims (uploaded)");
  await page.getByRole("button", { name: "Import article" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Budget claims (uploaded)");
  await expectNothingHostile(page);
  expect(dialogs).toEqual([]);
});

test("a claim made inside a heading and a list item has the right offsets", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await page.goto("/articles/new");
  await chooseImportTab(page, "Markdown");
  const markdown =
    "# Jobs figures\n\nThe minister spoke on Tuesday.\n\n## Unemployment fell by 40%\n\n- Wages rose 3 per cent in a year\n- Vacancies fell";
  await page.getByLabel("Markdown", { exact: true }).fill(markdown);
  await expect(page.getByTestId("import-preview")).toContainText("Jobs figures");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs figures");
  const articleId = page.url().split("/").pop()!;

  const body = page.getByTestId("article-body");
  for (const [selector, phrase] of [
    ["h2", "fell by 40%"],
    ["li", "rose 3 per cent"],
  ] as const) {
    await selectIn(page, selector, phrase);
    await page.keyboard.press("a");
    // The stored claim's panel (the claim shows before the server has stored it: add-claim-at-once.spec.ts).
    await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(phrase);
    await expect(body.locator(`${selector} .hl`)).toHaveText(phrase);
    await page.keyboard.press("Escape");
  }

  const { article } = (await (await page.request.get(`/api/v1/articles/${articleId}`)).json()) as { article: { body: string } };
  const { claims } = (await (await page.request.get(`/api/v1/articles/${articleId}/claims`)).json()) as {
    claims: { exact: string; start: number; end: number }[];
  };
  expect(claims.map((c) => [c.exact, c.start, c.end]).sort()).toEqual(
    ["fell by 40%", "rose 3 per cent"]
      .map((phrase) => [phrase, article.body.indexOf(phrase), article.body.indexOf(phrase) + phrase.length])
      .sort(),
  );
});

test("empty and oversized input get a clear message and nothing is sent", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await page.goto("/articles/new");
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/v1/articles")) posts++;
  });
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByText("Paste the article first.")).toBeVisible();

  await chooseImportTab(page, "Upload file");
  await page.getByLabel("File").setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, "a") });
  await expect(page.getByText("That file is 2 MB; the limit is 2 MB.")).toBeVisible();
  await page.getByLabel("File").setInputFiles({
    name: "notes.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from("PK"),
  });
  await expect(page.getByText("Choose a .txt, .html, .htm, .md or .pdf file.")).toBeVisible();

  // Plain text needs a title; the server's field error is shown beside the field.
  await chooseImportTab(page, "Paste text");
  await page.getByLabel("Article text").fill("A paragraph with no title.");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByText("Give the article a title: none was found in what you imported.").first()).toBeVisible();
  expect(posts).toBe(1);
});

test("a reviewer does not see New article and cannot import through the API", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto("/articles");
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New article" })).toHaveCount(0);
  await page.goto("/articles/new");
  await expect(page.getByText("Only editors and admins can import articles.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import article" })).toHaveCount(0);
  // Sent by the page itself, as the browser would send it: same origin, with the session cookie.
  const status = await page.evaluate(async () => {
    const body = JSON.stringify({ format: "text", content: "Sneaky.", title: "Sneaky" });
    return (await fetch("/api/v1/articles", { method: "POST", headers: { "content-type": "application/json" }, body })).status;
  });
  expect(status).toBe(403);
});

/** Selects `phrase` inside the first `selector` element of the article body that holds it, as a drag would. */
async function selectIn(page: Page, selector: string, phrase: string) {
  await page.evaluate(
    ({ selector, phrase }) => {
      const root = document.querySelector("[data-testid=article-body]")!;
      const element = Array.from(root.querySelectorAll(selector)).find((el) => el.textContent!.includes(phrase))!;
      const locate = (offset: number): [Text, number] => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let seen = 0;
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          if (offset <= seen + node.data.length) return [node, offset - seen];
          seen += node.data.length;
        }
        throw new Error("offset outside the element");
      };
      const start = element.textContent!.indexOf(phrase);
      const range = document.createRange();
      range.setStart(...locate(start));
      range.setEnd(...locate(start + phrase.length));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      element.scrollIntoView({ block: "center" });
      element.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    { selector, phrase },
  );
}
