// Turns validated W3C annotations into the rows an import creates, without touching the
// database: places each target on the receiving article's text, reads verdict, status,
// comment threads and evidence out of the bodies, and collects every problem with its path so
// the person importing sees all of them at once. Pure, so it is tested without PostgreSQL.
import { describeRange, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring/selectors";
import { createReanchorer, type ReanchorCandidate } from "@/lib/anchoring/reanchor";
import { VERDICTS, type StatusKey } from "@/lib/claims/verdicts";
import { AppError, type FieldErrors } from "@/lib/http/errors";
import type { ClaimOrigin, ItemOrigin } from "@/lib/annotations/origin";
import { STATUS_SET, type TAnnotation, type TBody, type TCreator } from "@/lib/annotations/w3c";
import { isHttpUrl } from "@/lib/validation/urls";

export type Attribution = { userId: string; origin?: TCreator };
export type ResolveCreator = (creator: TCreator | undefined) => Attribution;

export type PlannedComment = { key: string; parentKey: string | null; authorId: string; body: string; createdAt: Date; editedAt: Date | null; deletedAt: Date | null; origin: ItemOrigin };
export type PlannedEvidence = {
  url: string;
  title: string;
  excerpt: string;
  stance: "supports" | "contradicts" | "context";
  sourceType: "primary" | "secondary";
  retrievedAt: Date;
  createdAt: Date;
  addedById: string;
  origin: ItemOrigin;
};

export type PlannedClaim = TextQuoteSelector & TextPositionSelector & {
  anchorStatus: "attached" | "needs_review";
  anchorMethod: string | null;
  anchorConfidence: number;
  anchorCandidates: ReanchorCandidate[] | null;
  status: StatusKey;
  verdict: { ordinal: number; label: string; explanation: string; byId: string; at: Date } | null;
  requiresDoubleReview: boolean;
  numeric: Record<string, unknown> | null | undefined;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  origin: ClaimOrigin;
  /** Parents always come before their replies. */
  comments: PlannedComment[];
  evidence: PlannedEvidence[];
  /** Imported as Verified but the importer may not sign off, so it arrives as Verdict proposed. */
  downgraded: boolean;
};

export type PlanOptions = {
  body: string;
  resolve: ResolveCreator;
  importerId: string;
  /** Editors and admins keep imported "verified" statuses; anyone else's arrive as proposed. */
  canSignOff: boolean;
  /** The receiving article's double-review setting, for annotations that do not say. */
  requiresDoubleReview: boolean;
  now: Date;
};

const isComment = (b: TBody) => b.purpose === "commenting" || (b.purpose === undefined && b.type === "TextualBody");
const isEvidence = (b: TBody) => b.purpose === "linking";
const isVerdict = (b: TBody) => b.purpose === "assessing";
const isTag = (b: TBody) => b.purpose === "tagging";

/** "False: because…" when a file has no factdesk:verdict extension. */
function verdictFromValue(value: string | undefined): { ordinal: number; label: string; explanation: string } | null {
  if (!value) return null;
  for (const v of VERDICTS) {
    const match = new RegExp(`^\\s*${v.label}\\s*[:.\\u2013\\u2014-]\\s*([\\s\\S]+)$`, "i").exec(value);
    if (match?.[1]?.trim()) return { ordinal: v.ordinal, label: v.label, explanation: match[1].trim() };
  }
  return null;
}

function evidenceUrl(b: TBody): string | undefined {
  if (typeof b.source === "string") return b.source;
  return b.source?.id;
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

const dateOr = (iso: string | undefined, fallback: Date) => (iso ? new Date(iso) : fallback);

export function planImport(annotations: TAnnotation[], options: PlanOptions): PlannedClaim[] {
  const { body, resolve, now } = options;
  const fields: FieldErrors = {};
  const reanchor = createReanchorer("", body);
  const plans: PlannedClaim[] = [];

  annotations.forEach((annotation, i) => {
    const at = `items.${i}`;
    const problem = (path: string, message: string) => (fields[path] ??= []).push(message);
    const { quote, position } = annotation.target.selector;
    const created = dateOr(annotation.created, now);
    const creator = resolve(annotation.creator);

    // Verdict
    const verdictBodies = annotation.body.map((b, j) => [b, j] as const).filter(([b]) => isVerdict(b));
    if (verdictBodies.length > 1) problem(`${at}.body`, "An annotation can carry one verdict (one body with purpose “assessing”).");
    let verdict: PlannedClaim["verdict"] = null;
    let verdictOrigin: TCreator | undefined;
    const first = verdictBodies[0];
    if (first) {
      const [vb, j] = first;
      const read = vb["factdesk:verdict"] ?? verdictFromValue(vb.value);
      if (!read) {
        problem(`${at}.body.${j}`, `The verdict must start with a label from the scale (${VERDICTS.map((v) => v.label).join(", ")}) followed by “:” and the explanation.`);
      } else {
        const by = vb.creator ? resolve(vb.creator) : creator;
        verdictOrigin = by.origin;
        verdict = { ordinal: read.ordinal, label: read.label, explanation: read.explanation, byId: by.userId, at: dateOr(vb.created, created) };
      }
    }

    // Status: the last tag that names a status; otherwise what the verdict implies.
    let status: StatusKey = verdict ? "verdict_proposed" : "unreviewed";
    for (const b of annotation.body) if (isTag(b) && b.value && STATUS_SET.has(b.value)) status = b.value as StatusKey;
    if ((status === "verified" || status === "verdict_proposed") && !verdict && !first) {
      problem(`${at}.body`, `Status “${status}” needs a verdict body (purpose “assessing”).`);
    }
    const downgraded = status === "verified" && !options.canSignOff;
    if (downgraded) status = "verdict_proposed";

    // Comments
    const comments: PlannedComment[] = [];
    annotation.body.forEach((b, j) => {
      if (!isComment(b)) return;
      const deleted = b["factdesk:deleted"];
      if (!deleted && !b.value?.trim()) return problem(`${at}.body.${j}.value`, "A comment needs some text.");
      if ((b.value ?? "").length > 5000) return problem(`${at}.body.${j}.value`, "Comments can be at most 5,000 characters.");
      const by = b.creator ? resolve(b.creator) : creator;
      const createdAt = dateOr(b.created, created);
      comments.push({
        key: b.id ?? `${at}.body.${j}`,
        parentKey: b["factdesk:replyTo"] ?? null,
        authorId: by.userId,
        body: deleted ? "" : (b.value ?? ""),
        createdAt,
        editedAt: b.modified ? new Date(b.modified) : null,
        deletedAt: deleted ? new Date(deleted) : null,
        origin: { ...(b.id ? { id: b.id } : {}), ...(by.origin ? { creator: by.origin } : {}) },
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
      const by = b.creator ? resolve(b.creator) : creator;
      const createdAt = dateOr(b.created, created);
      evidence.push({
        url,
        title: title.slice(0, 300),
        excerpt: b["factdesk:excerpt"] ?? "",
        stance: b["factdesk:stance"] ?? "context",
        sourceType: b["factdesk:sourceType"] ?? "secondary",
        retrievedAt: dateOr(b["factdesk:retrieved"], createdAt),
        createdAt,
        addedById: by.userId,
        origin: { ...(b.id ? { id: b.id } : {}), ...(by.origin ? { creator: by.origin } : {}) },
      });
    });

    // Place the target on this article's text; a place we are not sure of goes to a person.
    const placed = reanchor({ id: String(i), quote, position: position ?? { start: 0, end: quote.exact.length } });
    const anchor =
      placed.outcome === "needs-review"
        ? {
            ...quote,
            start: position?.start ?? 0,
            end: position?.end ?? quote.exact.length,
            anchorStatus: "needs_review" as const,
            anchorMethod: null,
            anchorCandidates: placed.candidates,
          }
        : {
            ...describeRange(body, placed.start, placed.end).quote,
            start: placed.start,
            end: placed.end,
            anchorStatus: "attached" as const,
            anchorMethod: placed.outcome,
            anchorCandidates: null,
          };

    plans.push({
      ...anchor,
      anchorConfidence: placed.confidence,
      status,
      verdict,
      requiresDoubleReview: annotation["factdesk:requiresDoubleReview"] ?? options.requiresDoubleReview,
      numeric: annotation["factdesk:numeric"],
      createdById: creator.userId,
      createdAt: created,
      updatedAt: dateOr(annotation.modified, created),
      origin: {
        ...(annotation.id ? { id: annotation.id } : {}),
        ...(creator.origin ? { creator: creator.origin } : {}),
        ...(verdictOrigin ? { verdictCreator: verdictOrigin } : {}),
      },
      comments: ordered,
      evidence,
      downgraded,
    });
  });

  // Every problem in the file at once, by path, so it can be fixed in one go.
  const [firstProblem] = Object.entries(fields);
  if (firstProblem) throw new AppError("unprocessable", `${firstProblem[0]}: ${firstProblem[1][0]}`, fields);
  return plans;
}
