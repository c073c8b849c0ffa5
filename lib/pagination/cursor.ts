// Opaque page cursors for keyset pagination: the sort key of the last row of a page, as base64url JSON.
// A cursor carries values only (never an offset), so rows inserted or deleted between two pages neither repeat nor
// skip the rows that were there all along. Pure: no Prisma, no React.
import type { z } from "zod";
import { AppError } from "@/lib/http/errors";

/** A cursor longer than this (characters) is refused before it is decoded. */
export const CURSOR_MAX_LENGTH = 400;

/**
 * The cursor for the page after a row whose sort key is `key` (a JSON-serialisable tuple). Output: a base64url string
 * (no padding) that decodeCursor with the same schema reads back.
 */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/**
 * The sort key a cursor holds, checked against `schema` (a zod tuple of the key's parts).
 * @throws AppError 422 `unprocessable` (field `cursor`) when the text is not base64url JSON of that shape: a cursor
 * this API did not give out, or one of another list.
 */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  if (cursor.length <= CURSOR_MAX_LENGTH && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: refused below
    }
  }
  throw new AppError("unprocessable", "That cursor is not one this list gave out; start again without a cursor.", {
    cursor: ["Pass the nextCursor of the previous page unchanged."],
  });
}
