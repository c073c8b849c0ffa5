import { describe, expect, it } from "vitest";
import { toJobError } from "./job-error";

describe("toJobError", () => {
  it("keeps an Error, and turns anything else a job throws into one graphile-worker can record", () => {
    const error = new Error("SMTP refused");
    expect(toJobError(error)).toBe(error);
    expect(toJobError("plain text").message).toBe("plain text");
    expect(toJobError({ message: "from a library" }).message).toBe("from a library");
    const noText = Object.assign(Object.create(null) as object, { message: Object.create(null) as object });
    expect(toJobError(noText)).toMatchObject({ message: "The job failed with a value that is not an Error.", cause: noText });
    expect(toJobError(undefined).message).toBe("The job failed with a value that is not an Error.");
    const unreadable = Object.defineProperty(new Error("x"), "message", {
      get() {
        throw new Error("no");
      },
    });
    expect(toJobError(unreadable).message).toBe("The job failed with a value that is not an Error.");
  });
});
