"use client";

import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from "react";
import { truncateText } from "@/lib/text/graphemes";
import { SUGGESTION_STOPS, useRovingHighlights } from "@/components/claims/useRovingHighlights";
import { highlightModeller, layoutModel, type HighlightClaim, type HighlightPart } from "@/components/claims/highlight-html";
import { markActive, patchHighlights } from "@/components/claims/patch-highlights";
import { useRatingScale } from "@/components/claims/RatingScale";
import { verdictLook } from "@/lib/teams/rating-scale";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import type { ArticleBlocks } from "@/lib/articles/blocks";

type Props = {
  body: string;
  /** Structure of the body (headings, lists, quotes, links); null renders plain paragraphs. */
  blocks?: ArticleBlocks | null;
  claims: ClaimSummary[];
  activeId: string | null;
  suggestions: { id: string; start: number; end: number; checkedBefore?: { verdict: string } | null }[];
  onSuggestion: (id: string) => void;
  onOpen: (id: string) => void;
  onChoose: (ids: string[], at: { x: number; y: number }) => void;
  /** Filled with a function that focuses the highlight where a claim begins (false: not highlighted). */
  focusRef?: RefObject<((id: string) => boolean) | null>;
};

/**
 * The article with every claim highlighted; overlapping claims split into segments. The markup is written
 * whole only for a new text (or on arrival); after that, new, changed and opened claims change the
 * highlights in place (components/claims/patch-highlights.ts), never the whole body.
 */
export const HighlightedBody = memo(function HighlightedBody({
  body,
  blocks = null,
  claims,
  activeId,
  suggestions,
  onSuggestion,
  onOpen,
  onChoose,
  focusRef,
}: Props) {
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const scale = useRatingScale();
  // The team's colour for each verdict, as a tint light enough for body text (lib/teams/colour.ts tintFor); one painted
  // object per claim object, so an unchanged claim stays the same object and its paragraph is not made again.
  const paintedOf = useMemo(() => ({ scale, looks: new WeakMap<ClaimSummary, HighlightClaim>() }), [scale]);
  const painted = useMemo(
    () =>
      claims.map((c) => {
        if (!c.verdict) return c;
        let look = paintedOf.looks.get(c);
        if (!look) paintedOf.looks.set(c, (look = { ...c, verdict: { ...c.verdict, fill: verdictLook(paintedOf.scale, c.verdict).tint } }));
        return look;
      }),
    [claims, paintedOf],
  );
  // Remakes only the paragraphs whose claims changed (highlightModeller); the open claim is marked in place
  // (markActive), so opening one never changes the markup.
  const [modeller] = useState(highlightModeller);
  const model = useMemo(() => modeller(body, painted, null, suggestions, blocks), [modeller, body, painted, suggestions, blocks]);
  // The markup React writes: made from the model of the moment the text arrived, then left alone (React only
  // writes dangerouslySetInnerHTML again when the string changes); later models are patched in below.
  const [base, setBase] = useState(() => ({ body, blocks, model }));
  if (base.body !== body || base.blocks !== blocks) setBase({ body, blocks, model });
  const html = useMemo(() => layoutModel(base.model), [base]);

  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingHighlights(ref, html, {
    describe: (ids, stop) => {
      const starting = ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
      const what = starting.map((c) => `${c.statusLabel}${c.verdict ? `, ${c.verdict.label}` : ""}`).join("; ");
      const claim = starting.length > 1 ? `${starting.length} claims` : "claim";
      const depth = Number(stop.dataset.depth ?? 1);
      const inside = depth > starting.length ? `; ${depth} claims overlap here` : "";
      return `${truncateText(stop.textContent ?? "", 80)} (${claim}: ${what}${inside})`;
    },
    onActivate: (ids, stop) => {
      if (ids.length === 1) return onOpen(ids[0]!);
      const rect = stop.getBoundingClientRect();
      onChoose(ids, { x: rect.left, y: rect.bottom });
    },
  });
  // The suggestions: a Tab stop of their own, Enter opens one (then `a` accepts it, `x` dismisses it).
  const suggestionStops = useRovingHighlights(
    ref,
    html,
    {
      describe: (_ids, stop) =>
        `${truncateText(stop.textContent ?? "", 80)} (suggested claim${stop.dataset.checked !== undefined ? ", checked before" : ""})`,
      onActivate: (ids) => onSuggestion(ids[0]!),
    },
    SUGGESTION_STOPS,
  );
  useLayoutEffect(() => {
    if (focusRef) focusRef.current = roving.focusClaim;
  }, [focusRef, roving.focusClaim]);

  // The parts the DOM shows now: the base's right after React wrote it, then each model patched in.
  const shown = useRef<{ html: string; parts: HighlightPart[][] } | null>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (shown.current?.html !== html) shown.current = { html, parts: base.model.parts };
    if (shown.current.parts === model.parts) return;
    const inserted = patchHighlights(root, model.starts, shown.current.parts, model.parts);
    shown.current.parts = model.parts;
    if (inserted.length > 0) {
      roving.markStops(inserted);
      suggestionStops.markStops(inserted);
    }
    // `roving` is a new object every render; its markStops reads the latest options through a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [html, base, model]);
  useLayoutEffect(() => {
    if (ref.current) markActive(ref.current, activeId);
  }, [activeId, html, model]);

  // Tooltips are written on first hover rather than rendered for every segment up front.
  function onMouseOver(event: MouseEvent<HTMLDivElement>) {
    const mark = (event.target as HTMLElement).closest<HTMLElement>("[data-ids]");
    if (!mark || mark.title) return;
    const covering = mark.dataset
      .ids!.split(" ")
      .map((id) => byId.get(id))
      .filter((c) => c !== undefined);
    mark.title =
      covering.length > 1
        ? `${covering.length} claims overlap here (depth ${covering.length}): click to choose`
        : covering.map((c) => `${c.statusLabel}${c.verdict ? ` · ${c.verdict.label}` : ""}`).join("");
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (!window.getSelection()?.isCollapsed) return; // the reader is selecting, not clicking
    const suggestion = (event.target as HTMLElement).closest<HTMLElement>("[data-suggestion]");
    if (suggestion) return onSuggestion(suggestion.dataset.suggestion!);
    const mark = (event.target as HTMLElement).closest<HTMLElement>("[data-ids]");
    if (!mark) return;
    const ids = mark.dataset.ids!.split(" ");
    if (ids.length === 1) onOpen(ids[0]!);
    else onChoose(ids, { x: event.clientX, y: event.clientY });
  }

  return (
    <div
      ref={ref}
      onClick={onClick}
      onKeyDown={(event) => {
        roving.onKeyDown(event);
        suggestionStops.onKeyDown(event);
      }}
      onFocus={(event) => {
        roving.onFocus(event);
        suggestionStops.onFocus(event);
      }}
      onMouseOver={onMouseOver}
      className="font-serif text-[1.1875rem] leading-[1.75] text-ink"
      data-testid="article-body"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});
