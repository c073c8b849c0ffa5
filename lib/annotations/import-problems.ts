// Problems in an annotation file, worded so the person importing can find the annotation in
// question: by its place in the file and, when it has one, its id.
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/http/errors";
import { fieldLabel } from "@/lib/validation/parse";

/** "Annotation 4 (urn:x:a1)" for the fourth item whose id is "urn:x:a1"; "Annotation 4" when it has no id. */
export function annotationLabel(index: number, id: unknown): string {
  const shown = typeof id === "string" && id.trim() !== "" ? ` (${id.length > 100 ? `${id.slice(0, 100)}…` : id})` : "";
  return `Annotation ${index + 1}${shown}`;
}

/**
 * A sentence for a problem at `path` of an import: under `items.<i>` it names the annotation (annotationLabel, with
 * `idOf(i)` its id) and where in it: "Annotation 4 (urn:x:a1), creator: …", "Annotation 2, body.1.value: …";
 * elsewhere the field as parseInput names it ("Type: …").
 */
export function problemMessage(path: readonly PropertyKey[], message: string, idOf: (index: number) => unknown): string {
  const [first, index, ...rest] = path;
  if (first === "items" && typeof index === "number") {
    return `${annotationLabel(index, idOf(index))}${rest.length ? `, ${rest.map(String).join(".")}` : ""}: ${message}`;
  }
  return path.length ? `${fieldLabel(path)}: ${message}` : message;
}

/** The raw `id` of the `index`-th annotation of an uploaded document (a collection's first page, or a page). */
function rawId(document: unknown, index: number): unknown {
  const doc = document as { type?: unknown; items?: unknown; first?: { items?: unknown } } | null;
  const items = doc?.type === "AnnotationPage" ? doc.items : doc?.first?.items;
  const item = Array.isArray(items) ? (items[index] as { id?: unknown } | undefined) : undefined;
  return item?.id;
}

/**
 * Parses an uploaded `document` with `schema` (ZAnnotationDocument) and returns the result.
 * @throws AppError 422 `unprocessable` when it does not parse: `fields` maps each dotted path ("items.3.creator")
 * to its messages, and the message is the first problem naming its annotation (problemMessage).
 */
export function parseAnnotationDocument<T extends z.ZodType>(schema: T, document: unknown): z.output<T> {
  const result = schema.safeParse(document);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) (fields[issue.path.length ? issue.path.join(".") : "_"] ??= []).push(issue.message);
  const first = result.error.issues[0]!;
  throw new AppError(
    "unprocessable",
    problemMessage(first.path, first.message, (i) => rawId(document, i)),
    fields,
  );
}
