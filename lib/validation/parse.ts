import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/http/errors";

/**
 * Parses `input` with a zod schema and returns the parsed (transformed, defaulted) value.
 * @throws AppError 422 `unprocessable` when it does not parse: `fields` maps each dotted path ("numeric.value",
 * "_" for the whole input) to its messages for a form to show, and the message is the first issue.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  const where = first && first.path.length ? `${first.path.join(".")}: ` : "";
  throw new AppError("unprocessable", `${where}${first?.message ?? "Invalid input."}`, fields);
}
