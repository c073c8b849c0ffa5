// An uploaded text or HTML file is decoded as a browser decodes a local page (lib/text/decode-file.ts): it used to be
// read as UTF-8 whatever it was, so a windows-1252 export from an older CMS imported "Beyonc\uFFFD" and lost its quotes.
import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { chooseImportTab } from "../fixtures/import-form";

const latin = (...parts: (string | number[])[]) =>
  Buffer.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

test("a windows-1252 text file and an HTML file in ISO-8859-2 import with their accents, quotes and dashes", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await page.goto("/articles/new");
  await chooseImportTab(page, "Upload file");

  const text = latin(
    "Gig economy figures\n\n",
    [0x93],
    "Beyonc",
    [0xe9],
    " earned ",
    [0x80],
    "2m ",
    [0x96],
    " more than last year,",
    [0x94],
    " the agency said.",
  );
  await page.getByLabel("File").setInputFiles({ name: "export.txt", mimeType: "text/plain", buffer: text });
  await expect(page.getByTestId("import-file-info")).toContainText("(windows-1252)");
  await page.getByLabel("Title").fill("Gig economy figures");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gig economy figures");
  await expect(page.getByTestId("article-body")).toContainText("“Beyoncé earned €2m – more than last year,” the agency said.");

  await page.goto("/articles/new");
  await chooseImportTab(page, "Upload file");
  const html = latin(
    '<html><head><meta charset="iso-8859-2"><title>Wybory w ',
    [0xa3],
    "odzi</title></head><body><h1>Wybory w ",
    [0xa3],
    "odzi</h1><p>Frekwencja wynios",
    [0xb3],
    "a 61 procent.</p></body></html>",
  );
  await page.getByLabel("File").setInputFiles({ name: "lodz.html", mimeType: "text/html", buffer: html });
  await expect(page.getByTestId("import-file-info")).toContainText("(iso-8859-2)");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wybory w Łodzi");
  await expect(page.getByTestId("article-body")).toContainText("Frekwencja wyniosła 61 procent.");
});
