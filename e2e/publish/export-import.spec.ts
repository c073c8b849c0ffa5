import { expect, test } from "../fixtures/test";
import { seedFactCheck } from "../../lib/publish/test-helpers";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk } from "../fixtures/factories";

test("export W3C annotations and CSV from one article, import the file into another through the page", async ({ page }, testInfo) => {
  const desk = await createDesk();
  await seedFactCheck(desk);
  const target = await createArticle(desk.team.id);
  await signIn(page, desk.reviewer);

  const exported = await page.request.get(`/api/v1/articles/${desk.article.id}/annotations?download`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  expect(exported.headers()["content-disposition"]).toContain("attachment");
  const file = testInfo.outputPath("annotations.jsonld");
  const { writeFile } = await import("node:fs/promises");
  await writeFile(file, await exported.body());

  const csv = await page.request.get(`/api/v1/articles/${desk.article.id}/claims.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(6);

  await page.goto(`/articles/${target.id}`);
  await page.getByTestId("import-annotations").locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByTestId("import-annotations").getByRole("status")).toContainText("Imported 5 claims, 6 comments, 2 evidence");
  // Nothing arrives signed off: the two verified claims come in as proposed for an editor here.
  await expect(page.getByTestId("import-annotations").getByRole("status")).toContainText(
    "2 verified or disputed claims arrive as proposed",
  );
  await page.getByTestId("publish-tools").screenshot({ path: testInfo.outputPath("import-done.png") });
  await expect
    .poll(
      async () =>
        new Set(
          await page
            .getByTestId("article-body")
            .locator(".hl")
            .evaluateAll((els) => els.flatMap((el) => (el as HTMLElement).dataset.ids!.split(" "))),
        ).size,
    )
    .toBe(5);

  // A broken file: a readable error, nothing imported.
  const broken = testInfo.outputPath("broken.json");
  await writeFile(broken, JSON.stringify({ type: "AnnotationPage", items: [{ type: "Annotation", target: { selector: [] }, body: [] }] }));
  await page.getByTestId("import-annotations").locator('input[type="file"]').setInputFiles(broken);
  await expect(page.getByTestId("import-annotations").getByRole("alert")).toContainText("TextQuoteSelector");
});
