// Turns validated W3C annotations into the rows an import creates, without touching the
// database: places each target on the receiving article's text, reads verdict, status,
// comment threads and evidence out of the bodies, and collects every problem with its path so
// the person importing sees all of them at once. Pure, so it is tested without PostgreSQL.
//
// An import goes through the same review workflow as work done in the desk: the importer is
// the author of everything it creates (the file's people and dates only go to `origin`), a
// claim never arrives Verified or Disputed (an editor signs it off here, four-eyes rule
// included), verdicts come from the desk's scale, and a reviewer cannot switch double review
// off or give a verdict to a claim that needs two independent ones.
import { describeRange, selectionRange, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring/selectors";
import { createReanchorer, type ReanchorCandidate } from "@/lib/anchoring/reanchor";
import { toUtf16 } from "@/lib/anchoring/code-points";
import { type StatusKey } from "@/lib/claims/verdicts";
import type { RatingEntry } from "@/lib/teams/rating-scale";
import { AppError, type FieldErrors } from "@/lib/http/errors";
import type { ClaimOrigin, HeldVerdict, ItemOrigin } from "@/lib/annotations/origin";
import { problemMessage } from "@/lib/annotations/import-problems";
import { STATUS_SET, type TAnnotation, type TBody, type TCreator, type TVerdictExtension } from "@/lib/annotations/w3c";
import { characterCount, firstCharacters } from "@/lib/validation/fields";
import { tagKey, TAG_NAME_MAX, TAGS_PER_ITEM_MAX } from "@/lib/tags/tag-rules";
import { isHttpUrl } from "@/lib/validation/urls";

export type PlannedComment = { key: string; parentKey: string | null; body: string; deleted: boolean; origin: ItemOrigin };
export type PlannedEvidence = {
  url: string;
  title: string;
  excerpt: string;
  stance: "supports" | "contradicts" | "context";
  sourceType: "primary" | "secondary";
  retrievedAt: Date;
  origin: ItemOrigin;
};

type ScaleVerdict = RatingEntry;

export type PlannedClaim = TextQuoteSelector &
  TextPositionSelector & {
    anchorStatus: "attached" | "needs_review" | "orphaned";
    anchorMethod: string | null;
    anchorConfidence: number;
    anchorCandidates: ReanchorCandidate[] | null;
    status: StatusKey;
    /** Always a verdict of the desk's scale; given by the importer, proposed until an editor signs off. */
    verdict: { key: string; ordinal: number; label: string; explanation: string } | null;
    requiresDoubleReview: boolean;
    numeric: Record<string, unknown> | null | undefined;
    origin: ClaimOrigin;
    /** Parents always come before their replies. */
    comments: PlannedComment[];
    evidence: PlannedEvidence[];
    /** Names of the team tags to put on the claim: the file's "tagging" bodies that do not name a status (unique by tagKey). */
    tags: string[];
    /** Verified or disputed in the file; arrives as Verdict proposed for an editor to sign off. */
    downgraded: boolean;
    /** The file's verdict was kept in origin, not applied: a reviewer's import into a double-review claim. */
    verdictHeld: boolean;
  };

export type PlanOptions = {
  body: string;
  /** Editors and admins: the file's double-review switch counts, and they may give verdicts to double-review claims. */
  isEditor: boolean;
  /** The receiving article's double-review setting. */
  requiresDoubleReview: boolean;
  /** The receiving team's rating scale (lib/teams/rating-scale.ts): a file's verdict must name one of its ratings. */
  scale: readonly RatingEntry[];
};

/** Statuses a file may set as they are; the others follow from the verdict and the review workflow. */
const KEPT_STATUSES: ReadonlySet<StatusKey> = new Set(["unreviewed", "in_review", "not_check_worthy"]);
const scaleText = (scale: readonly ScaleVerdict[]) => scale.map((v) => `${v.label} (${v.key}, ${v.ordinal})`).join(", ");

const isComment = (b: TBody) => b.purpose === "commenting" || (b.purpose === undefined && b.type === "TextualBody");
const isEvidence = (b: TBody) => b.purpose === "linking";
const isVerdict = (b: TBody) => b.purpose === "assessing";
const isTag = (b: TBody) => b.purpose === "tagging";

/** "False: because…" when a file has no factdesk:verdict extension: a label of the team's scale, then the explanation. */
function verdictFromValue(value: string | undefined, scale: readonly ScaleVerdict[]): { scale: ScaleVerdict; explanation: string } | null {
  if (!value) return null;
  // Longest label first: "True-ish: …" is that rating, not "True" with the explanation "ish: …".
  for (const v of [...scale].sort((a, b) => b.label.length - a.label.length)) {
    const label = v.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const match = new RegExp(`^\\s*${label}\\s*[:.\\u2013\\u2014-]\\s*([\\s\\S]+)$`, "i").exec(value);
    if (match?.[1]?.trim()) return { scale: v, explanation: match[1].trim() };
  }
  return null;
}

/**
 * The rating of the team's scale that the extension's key, label and ordinal all name, or why there is none. Key
 * and label each name one rating; an ordinal alone names the first rating with that value (as ratingOf reads a
 * stored verdict), and beside a key or label it must be that rating's value (two ratings may share one).
 */
function verdictFromExtension(
  ext: TVerdictExtension,
  scale: readonly ScaleVerdict[],
): { scale: ScaleVerdict; explanation: string } | string {
  const list = scaleText(scale);
  const named: [string, ScaleVerdict | undefined][] = [];
  if (ext.key != null) named.push([`key “${ext.key}”`, scale.find((v) => v.key === ext.key)]);
  if (ext.label !== undefined)
    named.push([`label “${ext.label}”`, scale.find((v) => v.label.toLowerCase() === ext.label!.trim().toLowerCase())]);
  const byName = named[0]?.[1];
  if (ext.ordinal !== undefined)
    named.push([`ordinal ${ext.ordinal}`, byName?.ordinal === ext.ordinal ? byName : scale.find((v) => v.ordinal === ext.ordinal)]);
  if (named.length === 0) return `The verdict needs a key, label or ordinal from the scale: ${list}.`;
  const unknown = named.find(([, v]) => !v);
  if (unknown) return `The verdict's ${unknown[0]} is not on the scale: ${list}.`;
  if (new Set(named.map(([, v]) => v!.key)).size > 1) {
    return `The verdict's ${named.map(([what]) => what).join(", ")} do not name the same verdict. The scale is: ${list}.`;
  }
  return { scale: named[0]![1]!, explanation: ext.explanation };
}

function evidenceUrl(b: TBody): string | undefined {
  if (typeof b.source === "string") return b.source;
  return b.source?.id;
}

/** The file's id, creator and dates of an item, for origin; absent fields are left out. */
function itemOrigin(
  id: string | undefined,
  creator: TCreator | undefined,
  dates: { created?: string; modified?: string; deleted?: string },
): ItemOrigin {
  return {
    ...(id ? { id } : {}),
    ...(creator ? { creator } : {}),
    ...(dates.created ? { created: dates.created } : {}),
    ...(dates.modified ? { modified: dates.modified } : {}),
    ...(dates.deleted ? { deleted: dates.deleted } : {}),
  };
}

/** Orders comments so each parent precedes its replies; reports unknown parents and cycles. */
function threadOrder(comments: PlannedComment[], problem: (message: string) => void): PlannedComment[] {
  const byKey = new Map(comments.map((c) => [c.key, c]));
  const ordered: PlannedComment[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (c: PlannedComment) => {
    if (state.get(c.key) === "done") return;
    if (state.get(c.key) === "visiting") {
      problem(`Comment replies form a loop at ${c.key}.`);
      return;
    }
    state.set(c.key, "visiting");
    if (c.parentKey !== null) {
      const parent = byKey.get(c.parentKey);
      if (!parent) problem(`A reply points at comment ${c.parentKey}, which is not in this annotation.`);
      else visit(parent);
    }
    state.set(c.key, "done");
    ordered.push(c);
  };
  comments.forEach(visit);
  return ordered;
}

/**
 * Plans the rows an import creates, without touching the database: each validated annotation becomes a
 * PlannedClaim placed on `options.body` (attached when re-anchoring is confident, else "needs_review" with
 * candidates; offsets in UTF-16 code units), with its verdict read from the desk's scale, its status (Verified
 * and Disputed arrive as Verdict proposed), comments with parents before replies, evidence, and the file's ids,
 * creators and dates kept in `origin`. Output is in input order. A reviewer's import gets the article's
 * double-review setting, and a verdict on a double-review claim is held in origin, not applied.
 * @throws AppError 422 `unprocessable` listing every problem at once by path (`items.3.body.1.value`…): a verdict
 * off the scale or naming two verdicts, more than one verdict body, a status that needs a missing verdict,
 * empty, over-long or duplicate-id comments, reply loops or unknown parents, non-http(s) evidence links. The message
 * is the first problem, naming its annotation ("Annotation 4 (urn:x:a1), body: …").
 */
export function planImport(annotations: TAnnotation[], options: PlanOptions): PlannedClaim[] {
  const { body } = options;
  const fields: FieldErrors = {};
  const reanchor = createReanchorer("", body);
  const plans: PlannedClaim[] = [];
  // Comment ids are IRIs: one that appears twice would make replies ambiguous (and one copy vanish).
  const commentIds = new Map<string, string>();

  annotations.forEach((annotation, i) => {
    const at = `items.${i}`;
    const problem = (path: string, message: string) => (fields[path] ??= []).push(message);
    const { quote, position } = annotation.target.selector;
    const creator = annotation.creator;

    // Verdict: only ever a verdict of the desk's scale.
    const verdictBodies = annotation.body.map((b, j) => [b, j] as const).filter(([b]) => isVerdict(b));
    if (verdictBodies.length > 1) problem(`${at}.body`, "An annotation can carry one verdict (one body with purpose “assessing”).");
    let read: { scale: ScaleVerdict; explanation: string; creator?: TCreator; created?: string } | null = null;
    const first = verdictBodies[0];
    if (first) {
      const [vb, j] = first;
      const ext = vb["factdesk:verdict"];
      const found = ext ? verdictFromExtension(ext, options.scale) : verdictFromValue(vb.value, options.scale);
      if (typeof found === "string") problem(`${at}.body.${j}.factdesk:verdict`, found);
      else if (!found)
        problem(
          `${at}.body.${j}`,
          `The verdict must start with a label from the scale (${options.scale.map((v) => v.label).join(", ")}) followed by “:” and the explanation.`,
        );
      else read = { ...found, creator: vb.creator ?? creator, created: vb.created };
    }

    // Double review: only editors decide it; a reviewer's import gets the article's setting,
    // and a reviewer cannot give a double-review claim its verdict (the desk refuses that too),
    // so the file's verdict is kept aside in origin for the two reviewers to see.
    const requiresDoubleReview = options.isEditor
      ? (annotation["factdesk:requiresDoubleReview"] ?? options.requiresDoubleReview)
      : options.requiresDoubleReview;
    const verdictHeld = read !== null && requiresDoubleReview && !options.isEditor;
    const verdict =
      read && !verdictHeld
        ? { key: read.scale.key, ordinal: read.scale.ordinal, label: read.scale.label, explanation: read.explanation }
        : null;

    // Status: the last tag that names a status. Verified and Disputed are never imported: an
    // editor of this desk signs the verdict off (or settles the dispute) through the usual flow.
    let tagged: StatusKey | null = null;
    for (const b of annotation.body) if (isTag(b) && b.value && STATUS_SET.has(b.value)) tagged = b.value as StatusKey;
    if ((tagged === "verified" || tagged === "verdict_proposed") && !first) {
      problem(`${at}.body`, `Status “${tagged}” needs a verdict body (purpose “assessing”).`);
    }
    const status: StatusKey = tagged && KEPT_STATUSES.has(tagged) ? tagged : verdict ? "verdict_proposed" : "unreviewed";
    const downgraded = (tagged === "verified" || tagged === "disputed") && status === "verdict_proposed";

    // Tags: every other "tagging" body names one of the team's tags (created on import when new).
    const tags = new Map<string, string>();
    annotation.body.forEach((b, j) => {
      if (!isTag(b) || !b.value || STATUS_SET.has(b.value)) return;
      const name = b.value.replace(/\s+/g, " ").trim();
      if (!name) return;
      if (characterCount(name) > TAG_NAME_MAX)
        return problem(`${at}.body.${j}.value`, `Tag names can be at most ${TAG_NAME_MAX} characters.`);
      if (!tags.has(tagKey(name))) tags.set(tagKey(name), name);
    });
    if (tags.size > TAGS_PER_ITEM_MAX) problem(`${at}.body`, `A claim can carry at most ${TAGS_PER_ITEM_MAX} tags.`);

    // Comments
    const comments: PlannedComment[] = [];
    annotation.body.forEach((b, j) => {
      if (!isComment(b)) return;
      const path = `${at}.body.${j}`;
      if (b.id) {
        const seen = commentIds.get(b.id);
        if (seen) return problem(`${path}.id`, `Comment id ${b.id} is used twice (first at ${seen}); each comment needs its own id.`);
        commentIds.set(b.id, path);
      }
      const deleted = b["factdesk:deleted"];
      if (!deleted && !b.value?.trim()) return problem(`${path}.value`, "A comment needs some text.");
      if ((b.value ?? "").length > 5000) return problem(`${path}.value`, "Comments can be at most 5,000 characters.");
      comments.push({
        key: b.id ?? path,
        parentKey: b["factdesk:replyTo"] ?? null,
        body: deleted ? "" : (b.value ?? ""),
        deleted: deleted !== undefined,
        origin: itemOrigin(b.id, b.creator ?? creator, { created: b.created ?? annotation.created, modified: b.modified, deleted }),
      });
    });
    const ordered = threadOrder(comments, (message) => problem(`${at}.body`, message));

    // Evidence
    const evidence: PlannedEvidence[] = [];
    annotation.body.forEach((b, j) => {
      if (!isEvidence(b)) return;
      const url = evidenceUrl(b);
      if (!url || !isHttpUrl(url)) {
        return problem(`${at}.body.${j}.source`, "Evidence links must be http or https addresses.");
      }
      const title = (typeof b.source === "object" ? b.source.title : undefined)?.trim() || url;
      const created = b.created ?? annotation.created;
      evidence.push({
        url,
        // Cut by characters, never between the two halves of an emoji.
        title: firstCharacters(title, 300),
        excerpt: b["factdesk:excerpt"] ?? "",
        stance: b["factdesk:stance"] ?? "context",
        sourceType: b["factdesk:sourceType"] ?? "secondary",
        // When the source was read is a fact about the source, not about who added it here.
        retrievedAt: new Date(b["factdesk:retrieved"] ?? created ?? Date.now()),
        origin: itemOrigin(b.id, b.creator ?? creator, { created }),
      });
    });

    // Place the target on this article's text; a place we are not sure of goes to a person.
    // The file counts positions in code points (the Web Annotation model); we count UTF-16.
    // A claim the file says is orphaned stays orphaned, and one waiting for re-anchoring keeps
    // waiting (with candidates here): their selectors describe the file's text, kept for export.
    // A place found is stored by the selection rules every claim follows (trimmed, whole graphemes).
    const fileState = annotation["factdesk:anchorStatus"] ?? "attached";
    const hint = position ? toUtf16(body, [position.start, position.end]) : [0, quote.exact.length];
    const placed = fileState === "orphaned" ? null : reanchor({ id: String(i), quote, position: { start: hint[0]!, end: hint[1]! } });
    const selected =
      !placed || placed.outcome === "needs-review" || fileState !== "attached" ? null : selectionRange(body, placed.start, placed.end);
    if (selected && !selected.ok) problem(`${at}.target`, selected.reason);
    const detached = !selected?.ok;
    const filePosition = { start: position?.start ?? 0, end: position?.end ?? quote.exact.length };
    const { source, state } = annotation.target;
    const fileTarget = {
      ...(source ? { source } : {}),
      ...(state?.cached
        ? { state: { type: "TimeState" as const, cached: state.cached, ...(state.sourceDate ? { sourceDate: state.sourceDate } : {}) } }
        : {}),
      ...filePosition,
      exact: quote.exact,
    };
    const anchor =
      !placed || !selected?.ok
        ? {
            ...quote,
            ...filePosition,
            anchorStatus: fileState === "orphaned" ? ("orphaned" as const) : ("needs_review" as const),
            anchorMethod: null,
            anchorCandidates: placed?.candidates ?? null,
          }
        : {
            ...describeRange(body, selected.range.start, selected.range.end).quote,
            start: selected.range.start,
            end: selected.range.end,
            anchorStatus: "attached" as const,
            anchorMethod: placed.outcome,
            anchorCandidates: null,
          };

    const heldVerdict: HeldVerdict | undefined =
      read && verdictHeld
        ? {
            key: read.scale.key,
            label: read.scale.label,
            ordinal: read.scale.ordinal,
            explanation: read.explanation,
            ...(read.creator ? { creator: read.creator } : {}),
            ...(read.created ? { created: read.created } : {}),
          }
        : undefined;
    plans.push({
      ...anchor,
      anchorConfidence: placed?.confidence ?? 0,
      status,
      verdict,
      requiresDoubleReview,
      numeric: annotation["factdesk:numeric"],
      origin: {
        ...itemOrigin(annotation.id, creator, { created: annotation.created, modified: annotation.modified }),
        ...(verdict && read?.creator ? { verdictCreator: read.creator } : {}),
        ...(verdict && read?.created ? { verdictCreated: read.created } : {}),
        ...(heldVerdict ? { heldVerdict } : {}),
        ...(detached ? { target: fileTarget } : {}),
      },
      comments: ordered,
      evidence,
      tags: [...tags.values()],
      downgraded,
      verdictHeld,
    });
  });

  // Every problem in the file at once, by path, so it can be fixed in one go.
  const [firstProblem] = Object.entries(fields);
  if (firstProblem) {
    const path = firstProblem[0].split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    throw new AppError(
      "unprocessable",
      problemMessage(path, firstProblem[1][0]!, (i) => annotations[i]?.id),
      fields,
    );
  }
  return plans;
}
