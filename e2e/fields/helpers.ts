// Shared by the hostile-input and safe-retry specs: API contexts signed in as someone, W3C
// targets, and server actions posted the way Next's client posts them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type APIResponse } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { signInByApi } from "../fixtures/auth";
import { ROOT } from "../fixtures/processes";

type Playwright = {
  request: { newContext(o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> };
};

/** An API context with a session cookie; unsafe requests carry our own Origin, as the browser's do. */
export async function signedIn(playwright: Playwright, baseURL: string, user: { email: string; password: string }) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await signInByApi(context, user)).status()).toBe(200);
  return context;
}

/** The W3C target of body[start, end) as the editor builds it. */
export function w3c(body: string, start: number, end: number) {
  const { quote, position } = describeRange(body, start, end);
  return {
    target: {
      selector: [
        { type: "TextQuoteSelector", ...quote },
        { type: "TextPositionSelector", ...position },
      ],
    },
  };
}

/** The same for the first occurrence of `words`. */
export function w3cOf(body: string, words: string) {
  const start = body.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the body`);
  return w3c(body, start, start + words.length);
}

/** The error of an answer, checking it is the JSON error shape every 4xx must have. */
export async function errorOf(response: APIResponse): Promise<{ code: string; message: string; fields?: Record<string, string[]> }> {
  const payload = (await response.json()) as { error?: { code: string; message: string; fields?: Record<string, string[]> } };
  expect(payload.error?.message, `error shape of ${response.url()}`).toEqual(expect.any(String));
  return payload.error!;
}

/** The id Next gave a server action in this build (what its client sends as Next-Action). */
export function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in this build`);
  return found[0];
}

/** Posts a server action to a page as Next's client does: JSON of the arguments, text/plain. */
export function postAction(
  context: APIRequestContext,
  page: string,
  name: string,
  body: string | Buffer,
  contentType = "text/plain;charset=UTF-8",
) {
  return context.post(page, {
    headers: { "next-action": actionId(name), "content-type": contentType, accept: "text/x-component" },
    data: body,
  });
}

/** The ActionResult in a server action's answer (the RSC line that carries it). */
export async function actionResult<T>(
  response: APIResponse,
): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }> {
  const line = (await response.text()).split("\n").find((l) => /^1:\{/.test(l));
  if (!line) throw new Error(`no action result in: ${(await response.text()).slice(0, 300)}`);
  return JSON.parse(line.slice(2)) as { ok: true; data: T };
}
