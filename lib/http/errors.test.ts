// A unique key two requests raced for (found in review: two renames of tags to the same name at once) is a 409
// that says so, not a 500.
import { describe, expect, it } from "vitest";
import { toAppError } from "@/lib/http/errors";

describe("toAppError", () => {
  it("answers a unique key lost in a race with 409 conflict, from Prisma (P2002) or the driver (23505)", () => {
    const prisma = Object.assign(new Error("Unique constraint failed on the fields: (`teamId`,`nameKey`)"), { code: "P2002" });
    const driver = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
    for (const err of [prisma, driver]) {
      const answer = toAppError(err);
      expect(answer.status).toBe(409);
      expect(answer.message).toMatch(/Someone else saved the same thing/);
    }
  });
});
