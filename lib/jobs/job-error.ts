const NOT_AN_ERROR = "The job failed with a value that is not an Error.";

/**
 * What a failed job's handler threw, as graphile-worker can record it: an Error whose `message` is text (and `stack`
 * text or absent) is kept as it is; anything else (a string, a plain object, an object whose message is no text or
 * cannot be read) becomes an Error with the text there is (a string, a string `message`) or NOT_AN_ERROR, the value
 * as its `cause`. graphile-worker's own handling of such a value threw ("Cannot convert object to primitive value")
 * and ended its worker, and with it the whole runner (lib/jobs/runner-crash.int.test.ts). Pure; never throws.
 */
export function toJobError(thrown: unknown): Error {
  try {
    if (thrown instanceof Error && typeof thrown.message === "string" && ["string", "undefined"].includes(typeof thrown.stack))
      return thrown;
    const message =
      typeof thrown === "string"
        ? thrown
        : typeof thrown === "object" && thrown !== null && "message" in thrown && typeof thrown.message === "string"
          ? thrown.message
          : "";
    return new Error(message || NOT_AN_ERROR, { cause: thrown });
  } catch {
    // A getter that throws (message, stack): nothing to read.
    return new Error(NOT_AN_ERROR, { cause: thrown });
  }
}
