// Where an imported item came from, kept in the Json `origin` column of Claim, Comment and
// Evidence. Everything an import creates is authored by the person importing, at the time of
// the import: a file cannot make anyone else the author of a verdict, comment or piece of
// evidence, nor backdate it. The file's creators and dates are kept here only, for display and
// for a later export, so a round trip still names the people who wrote the work. They are
// never resolved to members of the team.
import { urn, type TVerdictExtension, type W3CCreator, type W3CCreators, type W3CState } from "@/lib/annotations/w3c";

export type ItemOrigin = {
  id?: string;
  /** One agent, or a list of several (lib/annotations/creators.ts). */
  creator?: W3CCreators;
  created?: string;
  modified?: string;
  /** Comments deleted in the file: when. */
  deleted?: string;
};

export type HeldVerdict = Pick<TVerdictExtension, "key" | "label" | "ordinal" | "explanation"> & {
  creator?: W3CCreators;
  created?: string;
};

export type ClaimOrigin = ItemOrigin & {
  verdictCreator?: W3CCreators;
  verdictCreated?: string;
  /**
   * A verdict the file carried that was not applied: a reviewer imported it into a claim that
   * needs two independent verdicts, which a reviewer cannot bypass in the desk either.
   */
  heldVerdict?: HeldVerdict;
  /**
   * An imported claim that was not attached here (needs review, orphaned): its selectors describe
   * the file's text, not this article's, so an export names the file's source and state and its
   * code-point positions. Used only while the claim still has these words at these offsets.
   */
  target?: { source?: string; state?: W3CState; start: number; end: number; exact: string };
};

/** A member of this desk as a W3C agent: `{ id: "urn:factdesk:user:<id>", type: "Person", name }` (never the email address). */
export function memberAgent(user: { id: string; name: string }): W3CCreator {
  return { id: urn("user", user.id), type: "Person", name: user.name };
}

/**
 * The creator an export shows: the file's original creator (or creators) kept in `origin` for imported items, else
 * the member who did it (memberAgent).
 */
export function creatorFrom(user: { id: string; name: string }, origin: ItemOrigin | null): W3CCreators {
  return origin?.creator ?? memberAgent(user);
}
