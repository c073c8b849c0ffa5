import "@/lib/validation/zod-config";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/http/errors";
import type { ActionResult } from "@/lib/http/result";

/**
 * Parses `input` with a zod schema and returns the parsed (transformed, defaulted) value.
 * @throws AppError 422 `unprocessable` when it does not parse: `fields` maps each dotted path ("numeric.value",
 * "_" for the whole input) to its messages for a form to show, and the message is the first issue.
 */
type Failure = { ok: false; error: { code: "unprocessable"; message: string; fields: FieldErrors } };

/**
 * A field's path as a reader would name it ("sourceUrl" → "Source URL", ["numeric", "value"] →
 * "Value"): messages shown to people never carry internal keys such as `url:` (issue #19).
 */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((part) => typeof part === "string") ?? "";
  const words = String(last)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .split(" ")
    .filter(Boolean)
    .map((word) => (["url", "id", "api"].includes(word) ? word.toUpperCase() : word));
  const text = words.join(" ");
  return text ? text[0]!.toUpperCase() + text.slice(1) : "Input";
}

function failure(error: z.ZodError): Failure {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first && first.path.length ? `${fieldLabel(first.path)}: ` : "";
  return { ok: false, error: { code: "unprocessable", message: `${where}${first?.message ?? "Invalid input."}`, fields } };
}

/**
 * Parses input with a zod schema and returns the parsed value (`z.output`).
 * Throws AppError("unprocessable", 422) with a message per field (`fields["target.selector"]`)
 * and the first problem as the message, which a form can show as it is.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { error } = failure(result.error);
  throw new AppError(error.code, error.message, error.fields);
}

/**
 * The same check for the browser, before calling a server action: the form and the server read
 * one rule from one schema, and a form value that cannot pass gets the server's own message
 * without a round trip. Resolves to the input, now known to have the schema's input type, or to
 * the ActionResult failure the server would have answered (422 with field messages).
 */
export function checkInput<T extends z.ZodType>(schema: T, input: unknown): { ok: true; data: z.input<T> } | Failure {
  const result = schema.safeParse(input);
  // A value that passes the schema has its input type: zod checked every field.
  return result.success ? { ok: true, data: input as z.input<T> } : failure(result.error);
}

/** Runs `act` with `input` once it passes `schema`; otherwise answers the validation failure. */
export function withCheckedInput<T extends z.ZodType, R>(
  schema: T,
  input: unknown,
  act: (checked: z.input<T>) => Promise<ActionResult<R>>,
): Promise<ActionResult<R>> {
  const checked = checkInput(schema, input);
  return checked.ok ? act(checked.data) : Promise.resolve(checked);
}
