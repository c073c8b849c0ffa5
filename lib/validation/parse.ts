import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/http/errors";

/** Parses input with a zod schema; failures become a 422 with per-field messages a form can show. */
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
