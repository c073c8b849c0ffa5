// Clients that hang up mid-body are their own doing: the server's log must not call them "unexpected error" (the
// e2e log showed "[factdesk] unexpected error: Error: aborted" 15 times for fast-lane.spec.ts's abandoned requests),
// on any path a body is read: an API route through the fast lane and through Next, and a server action (read first
// by proxy.ts). A second instance of the app runs here so that its output can be read.
import net from "node:net";
import { expect, test } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { describeRange } from "../../lib/anchoring/selectors";
import { createClaim } from "../../lib/claims/create-claim";
import { createDesk } from "../fixtures/factories";
import { signInByApi } from "../fixtures/auth";
import { actionId } from "../fields/helpers";
import { startInstance } from "../fixtures/processes";
import { freePort } from "../../scripts/lib/free-port";

test.describe.configure({ timeout: 120_000 });

/** Sends `head` (request line and headers, promising more body than follows) and part of a body, then hangs up. */
function hangUp(port: number, head: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(`${head}Content-Length: 100000\r\n\r\n["half`);
      // Long enough for the server to start reading the body; the client is gone before it ends.
      setTimeout(() => socket.destroy(), 300);
    });
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
  });
}

test("requests abandoned mid-body are not logged as server errors, through the fast lane, Next and a server action", async ({
  playwright,
}) => {
  const desk = await createDesk();
  const { secret } = await createApiToken({
    userId: desk.reviewer.id,
    teamId: desk.team.id,
    input: { name: "abort", scope: "read_write", expiresIn: "7d" },
  });
  const body = desk.article.body;
  const claim = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: describeRange(body, 0, body.indexOf(".")),
  });
  const port = await freePort();
  const instance = await startInstance(port, undefined, { FACTDESK_FAST_LANE: "test" });
  try {
    const api = await playwright.request.newContext({ baseURL: instance.baseURL, extraHTTPHeaders: { origin: instance.baseURL } });
    expect((await signInByApi(api, desk.reviewer)).status()).toBe(200);
    const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const host = `Host: localhost:${port}\r\n`;
    const route = `POST /api/v1/claims/${claim.id}/comments HTTP/1.1\r\n${host}Authorization: Bearer ${secret}\r\nContent-Type: application/json\r\n`;
    const action =
      `POST /articles/${desk.article.id} HTTP/1.1\r\n${host}Cookie: ${cookie}\r\nOrigin: ${instance.baseURL}\r\n` +
      `Next-Action: ${actionId("addCommentAction")}\r\nAccept: text/x-component\r\nContent-Type: text/plain;charset=UTF-8\r\n`;
    await Promise.all([
      ...Array.from({ length: 3 }, () => hangUp(port, route)),
      ...Array.from({ length: 3 }, () => hangUp(port, `${route}x-factdesk-fast-lane: off\r\n`)),
      ...Array.from({ length: 3 }, () => hangUp(port, action)),
    ]);
    // Answered after the abandoned ones were read to their end (each settles as its socket closes): the server
    // goes on, and by now anything it had to say about them is in its output.
    const after = await api.get(`/api/v1/articles/${desk.article.id}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(200);
    const lines = instance.output().split("\n");
    expect(
      lines.filter((line) => /unexpected error|aborted|⨯/i.test(line)),
      instance.output(),
    ).toEqual([]);
    await api.dispose();
  } finally {
    await instance.stop();
  }
});
