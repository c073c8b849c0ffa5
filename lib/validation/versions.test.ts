import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/validation/parse";
import { ZDiffVersions, ZResolveAnchor, ZVersionRef } from "@/lib/validation/versions";

function fieldsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("unprocessable");
    return (error as AppError).fields;
  }
  throw new Error("expected the input to be refused");
}

describe("version numbers and offsets larger than a database integer", () => {
  it("are refused as field errors instead of reaching the query", () => {
    expect(fieldsOf(() => parseInput(ZVersionRef, { articleId: "a", number: "3000000000" }))).toEqual({
      number: ["There is no version that high."],
    });
    expect(parseInput(ZVersionRef, { articleId: "a", number: "2147483647" }).number).toBe(2_147_483_647);
    expect(Object.keys(fieldsOf(() => parseInput(ZDiffVersions, { articleId: "a", from: "1", to: "99999999999" })) ?? {})).toEqual(["to"]);
    const span = { kind: "span", start: 0, end: 3_000_000_000, exact: "x" };
    expect(Object.keys(fieldsOf(() => parseInput(ZResolveAnchor, { claimId: "c", version: 1, action: span })) ?? {})).toEqual([
      "action.end",
    ]);
    expect(
      Object.keys(fieldsOf(() => parseInput(ZResolveAnchor, { claimId: "c", version: 2 ** 31, action: { kind: "orphan" } })) ?? {}),
    ).toEqual(["version"]);
  });
});
