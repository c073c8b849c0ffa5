import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * An argon2id hash of `password` (OWASP baseline: 19 MiB, 2 passes, 1 lane) in PHC string form
 * (`$argon2id$v=19$m=19456,t=2,p=1$…`), with a fresh random salt. Deliberately slow and memory-hard.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Whether `password` matches `passwordHash` (a PHC string from hashPassword; its own parameters are used).
 * False, never an exception, for a malformed hash.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check so response times do not reveal which emails exist. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("factdesk-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
