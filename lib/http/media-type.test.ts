import { describe, expect, it } from "vitest";
import { charsetParameter, namesUtf8 } from "@/lib/http/media-type";

describe("the charset a Content-Type declares", () => {
  it("is read as sent, quoted or not", () => {
    expect(charsetParameter("application/json; charset=UTF-8")).toBe("UTF-8");
    expect(charsetParameter('application/json; charset=" utf-8 "')).toBe(" utf-8 ");
    expect(charsetParameter('text/html;charset="a\\"b"; x=1')).toBe('a"b');
    expect(charsetParameter("application/json")).toBeUndefined();
  });

  it("names UTF-8 by any label the Encoding standard gives it, with its whitespace and case", () => {
    for (const label of ["utf-8", "UTF-8", "utf8", " utf-8 ", "\tUtf-8\n", "unicode-1-1-utf-8", "x-unicode20utf8"]) {
      expect(namesUtf8(label), label).toBe(true);
    }
    for (const label of ["", " ", "latin1", "iso-8859-1", "utf-16", "utf-8x", "u t f-8"]) expect(namesUtf8(label), label).toBe(false);
  });
});
