// Who made an annotation or one of its bodies, as the W3C Web Annotation model allows it
// (https://www.w3.org/TR/annotation-model/#agents): an IRI, an agent object (id, type, name,
// nickname, email), or a list of these. JSON-LD reads [] (and null) as no value at all. Pure:
// parsing a file's creators, and naming them for the people reading an imported comment.
import { z } from "zod";
import { text as fieldText } from "@/lib/validation/fields";
import { formatNames } from "@/lib/text/names";

/** Most creators one annotation or body may list; a longer list is refused, not cut. */
export const MAX_CREATORS = 10;

export const AGENT_TYPES = ["Person", "Organization", "Software"] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

/** One creator as Factdesk keeps and exports it: always a name to show, the file's id, type and email when given. */
export type W3CCreator = { id?: string; type: AgentType; name: string; email?: string };
/** A creator as kept in `origin` and exported: one agent, or a list of 2 to MAX_CREATORS. */
export type W3CCreators = W3CCreator | W3CCreator[];

// A scheme, a colon and no spaces: "https://…", "urn:…", "acct:alice@hypothes.is", "mailto:…" (RFC 3987).
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

const ZAgent = z.looseObject({
  id: fieldText({ max: 500 }).optional(),
  type: z.union([fieldText({ max: 100 }), z.array(fieldText({ max: 100 })).max(10)]).optional(),
  name: fieldText({ max: 200 }).optional(),
  nickname: fieldText({ max: 200 }).optional(),
  email: fieldText({ max: 320 }).optional(),
});

export type CreatorsResult = { ok: true; creators: W3CCreators | undefined } | { ok: false; reason: string; path: (string | number)[] };

const ordinal = (i: number) => `Creator ${i + 1}`;

/** One entry of a creator list (or the creator itself, `label` "The creator"), or why it cannot be read. */
function readOne(value: unknown, label: string): W3CCreator | string {
  if (typeof value === "string") {
    const iri = value.trim();
    if (iri.length > 500) return `${label} is an IRI longer than 500 characters.`;
    // An IRI is all a file may say of someone: it is also the only name there is to show.
    if (IRI.test(iri)) return { id: iri, type: "Person", name: iri };
    return `${label} “${iri.slice(0, 60)}” is not an IRI: give a creator as an IRI (https://…) or as an object with a name, e.g. { "name": "${iri.slice(0, 60)}" }.`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return `${label} must be an IRI or an object with a name, nickname or id.`;
  }
  const parsed = ZAgent.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${label}'s ${issue.path[0] === undefined ? "value" : String(issue.path[0])}: ${issue.message}`;
  }
  const { id, type, name, nickname, email } = parsed.data;
  const address = email?.replace(/^mailto:/i, "") || undefined;
  const shown = name || nickname || id || address;
  if (!shown) return `${label} has no name, nickname or id.`;
  const types = typeof type === "string" ? [type] : (type ?? []);
  return {
    ...(id ? { id } : {}),
    type: AGENT_TYPES.find((t) => types.includes(t)) ?? "Person",
    name: shown,
    ...(address ? { email: address } : {}),
  };
}

/**
 * Reads the `creator` of an annotation or body from a file: an IRI string (its name is the IRI), an agent object
 * (named by its name, else nickname, else id, else email; a `mailto:` prefix is dropped from the email; type kept
 * when Person, Organization or Software, else Person), or a list of 1 to MAX_CREATORS (10) of these.
 * Output: `creators` is undefined for none (absent, null or []), one W3CCreator for one, a list for several.
 * Fails with a sentence and the path inside `creator` ([] or [index]) for a list of more than 10, or an entry
 * that is not an IRI or an object with a name, nickname or id (a bare name, a number, a nested list).
 */
export function readCreators(value: unknown): CreatorsResult {
  if (value === undefined || value === null) return { ok: true, creators: undefined };
  if (!Array.isArray(value)) {
    const one = readOne(value, "The creator");
    return typeof one === "string" ? { ok: false, reason: one, path: [] } : { ok: true, creators: one };
  }
  if (value.length > MAX_CREATORS) {
    return { ok: false, reason: `A creator list can name at most ${MAX_CREATORS} people; this one names ${value.length}.`, path: [] };
  }
  const creators: W3CCreator[] = [];
  for (const [i, entry] of value.entries()) {
    const one = readOne(entry, ordinal(i));
    if (typeof one === "string") return { ok: false, reason: one, path: [i] };
    creators.push(one);
  }
  return { ok: true, creators: creators.length === 0 ? undefined : creators.length === 1 ? creators[0] : creators };
}

/** The `creator` field of an annotation or body in an import file (readCreators), as a zod schema. */
export const ZCreators = z.unknown().transform((value, ctx): W3CCreators | undefined => {
  const result = readCreators(value);
  if (result.ok) return result.creators;
  ctx.addIssue({ code: "custom", message: result.reason, path: result.path });
  return z.NEVER;
});

/**
 * The name to show for creators kept in `origin` (one W3CCreator or a list, as readCreators gives them; stored
 * Json, so anything else is ignored): every name, joined in English ("Ana", "Ana and Ben", "Ana, Ben and Cleo").
 * Null when there is no name to show.
 */
export function creatorNames(creators: unknown): string | null {
  const list = Array.isArray(creators) ? creators : [creators];
  const shown = list
    .map((c) => (c !== null && typeof c === "object" ? (c as { name?: unknown }).name : undefined))
    .filter((name): name is string => typeof name === "string" && name.trim() !== "")
    .map((name) => name.trim());
  return shown.length === 0 ? null : formatNames(shown);
}
