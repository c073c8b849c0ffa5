import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCSTRING_EXEMPT, findMissingDocstrings, missingDocstringsInLib } from "./docstrings";

const names = (text: string) => findMissingDocstrings("lib/x.ts", text).map((m) => m.name);

describe("findMissingDocstrings", () => {
  it("finds exported functions and arrow functions without JSDoc", () => {
    const text = [
      "export function a() {}",
      "export async function b() {}",
      "export const c = (x: number) => x;",
      "export const d = async function () {};",
      "export const e = ((x: number) => x) as (x: number) => number;",
      "export default function () {}",
    ].join("\n");
    expect(names(text)).toEqual(["a", "b", "c", "d", "e", "default"]);
  });

  it("accepts a JSDoc block, and only a JSDoc block", () => {
    const text = [
      "/** Documented. */",
      "export function a() {}",
      "// A line comment is not a docstring.",
      "export function b() {}",
      "/* Nor is a block comment. */",
      "export const c = () => 1;",
      "/**",
      " * @returns one",
      " */",
      "export const d = () => 1;",
    ].join("\n");
    expect(names(text)).toEqual(["b", "c"]);
  });

  it("ignores what is not an exported function", () => {
    const text = [
      "function local() {}",
      "const arrow = () => 1;",
      "export const value = 1;",
      "export const schema = z.object({}).refine((v) => v);",
      "export type T = () => void;",
      "export { x } from './x';",
      "export class K { method() {} }",
    ].join("\n");
    expect(names(text)).toEqual([]);
  });

  it("checks local functions exported by name, and overloads once, on their first signature", () => {
    const text = [
      "function hidden() {}",
      "/** Shown. */",
      "function shown() {}",
      "export { hidden, shown as renamed };",
      "/** Overloaded. */",
      "export function o(x: string): string;",
      "export function o(x: number): number;",
      "export function o(x: unknown) { return x; }",
    ].join("\n");
    expect(names(text)).toEqual(["hidden"]);
  });

  it("reports 1-based lines", () => {
    expect(findMissingDocstrings("lib/x.ts", "\n\nexport function a() {}")).toEqual([{ file: "lib/x.ts", line: 3, name: "a" }]);
  });
});

describe("lib/", () => {
  it("exempts generated code, tests and type declarations, and nothing else", () => {
    const exempt = (file: string) => DOCSTRING_EXEMPT.some((pattern) => pattern.test(file));
    for (const file of ["lib/generated/prisma/client.ts", "lib/claims/claims.int.test.ts", "lib/next-auth.d.ts"]) {
      expect(exempt(file), file).toBe(true);
    }
    for (const file of [
      "lib/access/require.ts",
      "lib/claims/update-claim.ts",
      "lib/claims/test-helpers.ts",
      "lib/http/route.ts",
      "lib/http/errors.ts",
    ]) {
      expect(exempt(file), file).toBe(false);
    }
  });

  it("has a JSDoc comment on every exported function (input and output shapes, units, errors thrown)", () => {
    const missing = missingDocstringsInLib(path.resolve(__dirname, "..", ".."));
    expect(missing.map((m) => `${m.file}:${m.line} ${m.name}`)).toEqual([]);
  });
});
