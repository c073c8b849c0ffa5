import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { START_FIRST } from "./test-order.mts";

describe("the test files Vitest starts first", () => {
  it("all exist, so a renamed file does not silently lose its place", () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    expect(START_FIRST.filter(({ file }) => !existsSync(path.join(root, file))).map(({ file }) => file)).toEqual([]);
  });
});
