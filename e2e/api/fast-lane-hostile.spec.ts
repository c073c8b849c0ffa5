// Review 26 (issue #21's fast lane): odd and hostile request targets and Authorization headers are answered by the
// lane exactly as Next answers them (or left to Next). A raw "#fragment" in the path used to become part of the
// lane's path parameter (422) where Next cuts it off (200).
import net from "node:net";
import { expect, test } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { createClaimRow, createDesk } from "../fixtures/factories";
import { RawClient } from "../fixtures/raw-http";

/** Sends raw bytes and returns the status line and head. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(Buffer.from(bytes, "latin1")));
    let text = "";
    socket.on("data", (d) => {
      text += d.toString("latin1");
    });
    socket.setTimeout(5000, () => socket.destroy());
    socket.on("close", () => resolve(text));
    socket.on("error", () => resolve(text));
  });
}

test("hostile request shapes: the lane answers as Next does", async ({ baseURL }) => {
  const client = new RawClient(baseURL!);
  const desk = await createDesk();
  const { secret } = await createApiToken({
    userId: desk.reviewer.id,
    teamId: desk.team.id,
    input: { name: "h", scope: "read_write", expiresIn: "7d" },
  });
  const id = desk.article.id;
  const paths = [
    `/api/v1/articles/${id}#frag`,
    `/api/v1/articles/${id}%2fclaims`,
    `/api/v1/articles/${id}%2Fclaims`,
    `/api/v1/articles%2f${id}`,
    `/api/v1/articles/${id}/claims%3fview=summary`,
    `/api/v1/articles/${id};x`,
    `/api/v1/articles/${id}/claims?view=summary#x`,
    `/api/v1/articles/${id}/claims?limit=1#&limit=2`,
    `/api/v1/articles/%20${id}`,
    `/api/v1/articles/${id}%00`,
    `/api/v1/articles/%25`,
    `/api/v1/ARTICLES/${id}`,
    `/api/v1/articles/${id}?`,
    `/api/v1/search?q=%E0%A4%A`,
    `/api/v1/search?q=%`,
    `/api/v1/articles/${id}/claims?view=summary&${"a=b&".repeat(1500)}`,
    `/api/v1/articles/${"%41".repeat(2000)}`,
    `/api/v1/articles/${id}/claims.CSV`,
    `/api/v1/articles/${id}%23x`,
    `/api/v1/articles/${id}/claims%2ecsv`,
  ];
  const diffs: string[] = [];
  const look = (r: { status: number; headers: Record<string, unknown>; text: string }) => ({
    status: r.status,
    ct: r.headers["content-type"],
    cc: r.headers["cache-control"],
    csp: Boolean(r.headers["content-security-policy"]),
    body: r.text
      .replace(/nonce="[^"]*"/g, "")
      .replace(/'nonce-[^']+'/g, "")
      .slice(0, 300),
  });
  const compare = async (label: string, method: string, path: string, headers: Record<string, string>, body?: string) => {
    const a = await client.request(method, path, { headers, body });
    const b = await client.request(method, path, { headers: { ...headers, "x-factdesk-fast-lane": "off" }, body });
    const [va, vb] = [look(a), look(b)];
    if (JSON.stringify(va) !== JSON.stringify(vb))
      diffs.push(
        `${label} ${method} ${path.slice(0, 120)} lane=${String(a.headers["x-factdesk-fast-lane"])}\n  lane: ${JSON.stringify(va)}\n  next: ${JSON.stringify(vb)}`,
      );
  };
  for (const p of paths) await compare("path", "GET", p, { authorization: `Bearer ${secret}` });
  for (const auth of [`bearer ${secret}`, `Bearer  ${secret}`, `BEARER ${secret}`, `Bearer ${secret} `, `Bearer ${secret}\t`])
    await compare(`auth[${auth.replace(secret, "S")}]`, "GET", `/api/v1/articles/${id}`, { authorization: auth });
  await compare("proto", "GET", `/api/v1/articles/${id}`, {
    authorization: `Bearer ${secret}`,
    "x-forwarded-proto": "https",
    host: "evil.example",
  });
  // raw-byte requests
  const port = Number(new URL(baseURL!).port);
  for (const target of [`/api/v1/articles/${id}\u00e9`, `/api/v1/articles/\u00e9`, `/api/v1/articles/${id}/claims?q=\u00e9`]) {
    const head = (extra: string) =>
      `GET ${target} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${secret}\r\nConnection: close\r\n${extra}\r\n`;
    const [a, b] = [await raw(port, head("")), await raw(port, head("x-factdesk-fast-lane: off\r\n"))];
    const st = (t: string) => `${t.split("\r\n")[0]} ${(/\r\n\r\n([\s\S]{0,200})/.exec(t) ?? [])[1]}`;
    if (st(a) !== st(b)) diffs.push(`raw ${JSON.stringify(target)}\n  lane: ${st(a)}\n  next: ${st(b)}`);
  }
  // Bodies sent in chunks (no Content-Length), small and over the 6 MB limit, and one behind Expect: 100-continue.
  const claim = await createClaimRow(id, desk.reviewer.id);
  const chunked = (json: string) => {
    const parts = json.match(/[\s\S]{1,65536}/g) ?? [];
    return parts.map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`).join("") + "0\r\n\r\n";
  };
  const post = (extra: string, framing: string, body: string) =>
    `POST /api/v1/claims/${claim}/comments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${secret}\r\n` +
    `Content-Type: application/json\r\nConnection: close\r\n${framing}${extra}\r\n${body}`;
  for (const [label, framing, body] of [
    ["chunked", "Transfer-Encoding: chunked\r\n", chunked(JSON.stringify({ body: "Sent in chunks." }))],
    ["chunked, over the limit", "Transfer-Encoding: chunked\r\n", chunked(JSON.stringify({ body: "x".repeat(7 * 1024 * 1024) }))],
    ["expect 100-continue", "Expect: 100-continue\r\nContent-Length: 20\r\n", '{"body":"Continue."}'],
  ] as const) {
    const [a, b] = [await raw(port, post("", framing, body)), await raw(port, post("x-factdesk-fast-lane: off\r\n", framing, body))];
    const st = (t: string) =>
      t
        .split("\r\n")
        .filter((l) => /^HTTP\/1\.1 /.test(l))
        .join(" | ") + (/"code":"[a-z_]+"/.exec(t)?.[0] ?? "");
    expect(/x-factdesk-fast-lane: served/i.test(a), label).toBe(true);
    if (st(a) !== st(b)) diffs.push(`${label}\n  lane: ${st(a)}\n  next: ${st(b)}`);
  }
  expect(diffs).toEqual([]);
});
