// Attack 27 (promise 3: bad input gets a clear 4xx, never a 5xx; nothing saved is lost or altered), over raw sockets
// against the production build, each request sent as a client sends it (API tokens: the fast lane) and again through
// Next (x-factdesk-fast-lane: off). Before the fixes:
// - `GET http://evil.example/api/v1/… HTTP/1.1` (absolute form, which HTTP/1.1 servers must accept) answered
//   308 Location: http://evil.example/…, a redirect to the host the client named;
// - `OPTIONS *`, `GET *` and TRACE answered a bare text 500 (Next: "Invalid URL", "'TRACE' HTTP method is unsupported");
// - a JSON body that was not UTF-8 (Latin-1, or labelled charset=iso-8859-1) was saved with U+FFFD in place of its
//   accented letters (201).
import net from "node:net";
import { expect, test } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { createClaimRow, createDesk, testDb } from "../fixtures/factories";

type Answer = { status: number; head: string; body: string };

/** Sends raw bytes on a fresh connection and reads the answer until the server closes it. */
function raw(port: number, bytes: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // Not socket.end(): node drops a request whose client half-closes before the answer. Connection: close ends it.
    const socket = net.connect(port, "127.0.0.1", () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (d: Buffer) => chunks.push(d));
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer in 10 s")));
    socket.on("error", reject);
    socket.on("close", () => {
      const all = Buffer.concat(chunks);
      const at = all.indexOf("\r\n\r\n");
      const head = all.subarray(0, at).toString("latin1");
      const rest = all.subarray(at + 4);
      const body = (/^transfer-encoding: chunked/im.test(head) ? unchunk(rest) : rest).toString("utf8");
      resolve({ status: Number(head.slice(9, 12)), head, body });
    });
  });
}

/** A chunked body's content (sizes in hex bytes, each chunk followed by CRLF, a 0-size chunk last). */
function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ;) {
    const end = bytes.indexOf("\r\n", at);
    const size = parseInt(bytes.subarray(at, end).toString("latin1"), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(bytes.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
}

const VIAS = [
  ["as sent", ""],
  ["through Next", "x-factdesk-fast-lane: off\r\n"],
] as const;

test("request lines Next mishandled get a clear answer, never a redirect elsewhere or a 500", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const desk = await createDesk();
  const { secret } = await createApiToken({
    userId: desk.reviewer.id,
    teamId: desk.team.id,
    input: { name: "t", scope: "read", expiresIn: "7d" },
  });
  const article = `/api/v1/articles/${desk.article.id}`;
  const send = (line: string, extra: string) =>
    raw(
      port,
      Buffer.from(`${line} HTTP/1.1\r\nHost: localhost:${port}\r\nAuthorization: Bearer ${secret}\r\nConnection: close\r\n${extra}\r\n`),
    );
  for (const [via, extra] of VIAS) {
    for (const host of ["evil.example", `localhost:${port}`]) {
      const absolute = await send(`GET http://${host}${article}`, extra);
      expect(absolute.status, `${via} ${host}: ${absolute.head}`).toBe(200);
      expect(absolute.head).not.toMatch(/^location:/im);
      expect(JSON.parse(absolute.body)).toMatchObject({ article: { id: desk.article.id } });
    }
    const options = await send("OPTIONS *", extra);
    expect(options.status, via).toBe(204);
    expect(options.head).toMatch(/^allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS$/im);
    const star = await send("GET *", extra);
    expect(star.status, via).toBe(400);
    expect(JSON.parse(star.body).error.code).toBe("bad_request");
    // node's parser refuses these itself (400, no body) before any handler.
    for (const line of ["GET localhost:1", "GET ftp://h/x"]) expect((await send(line, extra)).status, `${via} ${line}`).toBe(400);
    const trace = await send(`TRACE ${article}`, extra);
    expect(trace.status, via).toBe(405);
    expect(JSON.parse(trace.body).error.code).toBe("method_not_allowed");
  }
});

test("a JSON body that is not UTF-8 is refused and nothing is saved; a byte order mark is allowed", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const desk = await createDesk();
  const { secret } = await createApiToken({
    userId: desk.reviewer.id,
    teamId: desk.team.id,
    input: { name: "t", scope: "read_write", expiresIn: "7d" },
  });
  const claim = await createClaimRow(desk.article.id, desk.reviewer.id);
  const post = (body: Buffer, type: string, extra: string) =>
    raw(
      port,
      Buffer.concat([
        Buffer.from(
          `POST /api/v1/claims/${claim}/comments HTTP/1.1\r\nHost: localhost:${port}\r\nAuthorization: Bearer ${secret}\r\n` +
            `Content-Type: ${type}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n${extra}\r\n`,
        ),
        body,
      ]),
    );
  for (const [via, extra] of VIAS) {
    const latin1 = await post(Buffer.from('{"body":"Caf\u00e9 cr\u00e8me"}', "latin1"), "application/json", extra);
    expect(latin1.status, `${via}: ${latin1.body}`).toBe(400);
    expect(JSON.parse(latin1.body).error.code).toBe("bad_request");
    const labelled = await post(Buffer.from('{"body":"Caf\u00e9"}', "latin1"), "application/json; charset=iso-8859-1", extra);
    expect(labelled.status, `${via}: ${labelled.body}`).toBe(415);
    const utf16 = await post(Buffer.from('\ufeff{"body":"Sixteen"}', "utf16le"), "application/json", extra);
    expect(utf16.status, `${via}: ${utf16.body}`).toBe(400);
  }
  expect(await testDb().comment.count({ where: { claimId: claim } })).toBe(0);
  for (const [via, extra] of VIAS) {
    const bom = await post(Buffer.from(`\ufeff{"body":"Caf\u00e9, ${via}."}`, "utf8"), "application/json; charset=UTF-8", extra);
    expect(bom.status, `${via}: ${bom.body}`).toBe(201);
  }
  // UTF-8 by any of its labels, quoted with spaces too (a quoted " utf-8 " was answered 415).
  for (const type of ['application/json; charset=" utf-8 "', "application/json; charset=unicode-1-1-utf-8"]) {
    const sent = await post(Buffer.from(JSON.stringify({ body: `Caf\u00e9, ${type.slice(18)}` }), "utf8"), type, "");
    expect(sent.status, `${type}: ${sent.body}`).toBe(201);
  }
  const saved = await testDb().comment.findMany({ where: { claimId: claim }, select: { body: true }, orderBy: { createdAt: "asc" } });
  expect(saved.map((c) => c.body)).toEqual([
    "Caf\u00e9, as sent.",
    "Caf\u00e9, through Next.",
    'Caf\u00e9, charset=" utf-8 "',
    "Caf\u00e9, charset=unicode-1-1-utf-8",
  ]);
});
