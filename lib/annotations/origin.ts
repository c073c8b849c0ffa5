// Where an imported item came from, kept in the Json `origin` column of Claim, Comment and
// Evidence. When an annotation's creator is not a member of the importing team, the item is
// stored under the importer (a foreign key needs a real user) and the original creator is kept
// here, so the desk and a later export still name the person who wrote it.
import { urn, type W3CCreator } from "@/lib/annotations/w3c";

export type ItemOrigin = { id?: string; creator?: W3CCreator };
export type ClaimOrigin = ItemOrigin & { verdictCreator?: W3CCreator };

/** The creator an export shows: the original one for imported items, else the member. */
export function creatorFrom(user: { id: string; name: string }, origin: ItemOrigin | null): W3CCreator {
  return origin?.creator ?? { id: urn("user", user.id), type: "Person", name: user.name };
}
