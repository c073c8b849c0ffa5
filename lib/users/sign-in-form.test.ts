import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { isPlainFormContentType, MAX_SIGN_IN_BYTES, readSignInForm } from "@/lib/users/sign-in-form";

const post = (body: string, contentType: string | null = "application/x-www-form-urlencoded") =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: contentType === null ? {} : { "content-type": contentType },
    body,
  });

async function refusal(request: Request): Promise<string> {
  const err = await readSignInForm(request).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return `${err.status} ${err.message}`;
}

describe("the sign-in form parser", () => {
  it("accepts a URL-encoded form, with or without charset=utf-8", () => {
    for (const type of [
      "application/x-www-form-urlencoded",
      "Application/X-WWW-Form-URLEncoded",
      "application/x-www-form-urlencoded;charset=UTF-8",
      'application/x-www-form-urlencoded; charset="utf-8"',
    ]) {
      expect(isPlainFormContentType(type), type).toBe(true);
    }
  });

  it("refuses every other content type, including ones another parser would read as JSON", () => {
    for (const type of [
      null,
      "",
      "application/json",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded; x=application/json",
      "application/x-www-form-urlencoded; charset=latin1",
      "application/x-www-form-urlencoded, application/json",
      "application/x-www-form-urlencoded-json",
    ]) {
      expect(isPlainFormContentType(type), String(type)).toBe(false);
    }
  });

  it("reads each field once, exactly as URL-encoded", async () => {
    expect(await readSignInForm(post("email=a%40b.test&password=p+w%26rd&csrfToken=t&json=true"))).toEqual({
      email: "a@b.test",
      password: "p w&rd",
      csrfToken: "t",
      json: "true",
    });
  });

  it("refuses a repeated field, whichever it is, with 400", async () => {
    expect(await refusal(post("email=decoy%40x.test&email=victim%40x.test&password=p"))).toBe('400 Give "email" once in the sign-in form.');
    expect(await refusal(post("email=a%40b.test&password=1&password=2"))).toBe('400 Give "password" once in the sign-in form.');
  });

  it("refuses a JSON body under a form-like content type, too many fields, and too many bytes", async () => {
    expect(await refusal(post('{"email":"a@b.test"}', "application/x-www-form-urlencoded; x=application/json"))).toMatch(/^400 /);
    expect(await refusal(post(Array.from({ length: 17 }, (_, i) => `f${i}=x`).join("&")))).toBe(
      "400 The sign-in form has too many fields.",
    );
    expect(await refusal(post(`password=${"x".repeat(MAX_SIGN_IN_BYTES)}`))).toMatch(/^413 /);
  });
});
