import { priorityDb } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/users/passwords";

export type SignedInUser = { id: string; email: string; name: string };

/** Returns the user when the email and password match an enabled account, else null. */
export async function verifyCredentials(email: string, password: string): Promise<SignedInUser | null> {
  const user = await priorityDb.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabled: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  const matches = await verifyPassword(user.passwordHash, password);
  if (!matches || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name };
}
