import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
// ZSignIn is left to the sign-in work (its parser and lock); it refuses NUL through the email check.
const NOT_YET = new Set(["lib/validation/auth.ts"]);

describe("the field rules", () => {
  // One set of rules at every door: a bare z.string() would let NUL, lone surrogates or unbounded
  // lengths through again. Strings are built with text(), ZId, calendarDate(), instant() or
  // documentText() from lib/validation/fields.ts (a pipe into z.string() after them is fine, and
  // so are a record's keys: the import refuses NUL and broken characters anywhere in a file first).
  it("are what every schema in lib/validation and the W3C import builds its strings from", () => {
    const files = [
      ...readdirSync(path.join(ROOT, "lib", "validation"))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "fields.ts")
        .map((f) => `lib/validation/${f}`),
      "lib/annotations/w3c.ts",
    ];
    const bare = files
      .filter((file) => !NOT_YET.has(file))
      .filter((file) =>
        /\bz\.string\(/.test(
          readFileSync(path.join(ROOT, file), "utf8").replace(/\.pipe\(\s*z\.string\(\)|z\.record\(\s*z\.string\(\)/g, ""),
        ),
      );
    expect(bare).toEqual([]);
  });
});
