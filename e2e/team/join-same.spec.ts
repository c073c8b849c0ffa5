// The /join page, seen by a visitor with no session, must not say whether the invited address already
// has an account: the same page, the same form, the same answers to the same mistakes. (The admin who
// sent the invitation holds the link too, so a difference here would tell them who uses Factdesk.)
import { expect, test, type Page } from "../fixtures/test";
import { inviteMember } from "../../lib/onboarding/invitations";
import { createDesk, createTeam, createUser, unique } from "../fixtures/factories";

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

/** What a visitor can read of the join page: its text and the form's fields, with the invited address as EMAIL. */
async function pageAsSeen(page: Page, email: string) {
  const main = page.getByRole("main");
  const text = (await main.innerText()).split(email).join("EMAIL");
  const fields = await main
    .locator("input, button")
    .evaluateAll((elements) =>
      elements.map((e) => [
        e.tagName,
        e.getAttribute("name"),
        e.getAttribute("type"),
        e.getAttribute("autocomplete"),
        e.hasAttribute("readonly"),
      ]),
    );
  return { text, fields };
}

test("the join page and its answers are the same whether or not the invited address has an account", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const desk = await createDesk();
  const person = await createUser((await createTeam()).id, "reviewer");
  const fresh = `${unique("fresh").toLowerCase()}@newsroom.test`;
  const invite = async (email: string) =>
    tokenOf((await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "viewer" })).url);
  const invited = [
    { email: person.email, token: await invite(person.email) },
    { email: fresh, token: await invite(fresh) },
  ];

  // The page as it opens.
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const seen: Awaited<ReturnType<typeof pageAsSeen>>[] = [];
  for (const { email, token } of invited) {
    await page.goto(`/join?token=${token}`);
    await expect(page.getByRole("heading", { name: `Join ${desk.team.name}` })).toBeVisible();
    seen.push(await pageAsSeen(page, email));
  }
  expect(seen[0]).toEqual(seen[1]);

  // The same mistakes sent through the form: the same messages, under the same fields.
  const formMistakes: { name?: string; password?: string }[] = [{}, { password: "too short" }, { name: "Sam Lee", password: "too short" }];
  for (const mistake of formMistakes) {
    const shown: Awaited<ReturnType<typeof pageAsSeen>>[] = [];
    for (const { email, token } of invited) {
      await page.goto(`/join?token=${token}`);
      if (mistake.name !== undefined) await page.getByLabel("Your name").fill(mistake.name);
      if (mistake.password !== undefined) await page.getByLabel("Password", { exact: true }).fill(mistake.password);
      await page.getByRole("button", { name: `Join ${desk.team.name}` }).click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      shown.push(await pageAsSeen(page, email));
    }
    expect(shown[0], JSON.stringify(mistake)).toEqual(shown[1]);
  }

  // The route's answers, as a script would see them: status and body, the address written as EMAIL. (The route allows
  // 20 answers a minute per client address: this test sends 14.)
  const post = async (data: Record<string, string>, email: string) => {
    const response = await visitor.request.post("/api/invitations/accept", { data, headers: { Origin: baseURL! } });
    return { status: response.status(), body: (await response.text()).split(email).join("EMAIL") };
  };
  const routeMistakes: Record<string, string>[] = [
    { name: "Sam Lee", password: "short" },
    { password: "a long enough passphrase" },
    { name: "Sam Lee" },
  ];
  for (const mistake of routeMistakes) {
    const answers: { status: number; body: string }[] = [];
    for (const { email, token } of invited) answers.push(await post({ token, email, ...mistake }, email));
    expect(answers[0]!.status, JSON.stringify(mistake)).toBe(422);
    expect(answers[0], JSON.stringify(mistake)).toEqual(answers[1]);
  }
  // Joining works the same way for both: the account's own password, or a new one.
  const joined = [
    await post({ token: invited[0]!.token, email: person.email, name: "Sam Lee", password: person.password }, person.email),
    await post({ token: invited[1]!.token, email: fresh, name: "Sam Lee", password: "a long enough passphrase" }, fresh),
  ];
  expect(joined[0]!.status).toBe(201);
  expect(joined[0]).toEqual(joined[1]);
});
