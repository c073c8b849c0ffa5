import { z } from "zod";

/** The largest value a PostgreSQL integer column holds: anything above cannot exist there. */
export const MAX_DB_INT = 2_147_483_647;

/**
 * A zod schema for a whole number that fits a PostgreSQL `integer` column (at most MAX_DB_INT, 2^31 − 1).
 * Without the ceiling, Prisma refuses a larger value at query time (P2020) and the caller gets a 500 instead
 * of a field error; `message` is that field error. Add `.nonnegative()`/`.positive()` as the field needs.
 */
export const dbInt = (message = "That number is too large.") => z.number().int().max(MAX_DB_INT, message);
