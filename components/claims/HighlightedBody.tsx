"use client";

import { memo, useMemo, type MouseEvent } from "react";
import { segmentArticle } from "@/lib/anchoring/segments";
import type { ClaimDTO } from "@/lib/claims/dto";

type Props = {
  body: string;
  claims: ClaimDTO[];
  activeId: string | null;
  onOpen: (id: string) => void;
  onChoose: (ids: string[], at: { x: number; y: number }) => void;
};

/** Renders the article with every claim highlighted; overlapping claims split into segments. */
export const HighlightedBody = memo(function HighlightedBody({ body, claims, activeId, onOpen, onChoose }: Props) {
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const paragraphs = useMemo(
    () => segmentArticle(body, claims.map((c) => ({ id: c.id, start: c.start, end: c.end }))),
    [body, claims],
  );

  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (!window.getSelection()?.isCollapsed) return; // the reader is selecting, not clicking
    const mark = (event.target as HTMLElement).closest<HTMLElement>("[data-ids]");
    if (!mark) return;
    const ids = mark.dataset.ids!.split(" ");
    if (ids.length === 1) onOpen(ids[0]!);
    else onChoose(ids, { x: event.clientX, y: event.clientY });
  }

  return (
    <div onClick={onClick} className="font-serif text-[1.1875rem] leading-[1.75] text-ink" data-testid="article-body">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start} className="mb-5">
          {paragraph.segments.map((segment) => {
            if (segment.ids.length === 0) return segment.text;
            // The innermost (shortest) claim decides the look of a shared segment.
            const covering = segment.ids.map((id) => byId.get(id)!).filter(Boolean);
            const top = covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
            const endsHere = covering.filter((c) => c.end === segment.end);
            const startsHere = covering.filter((c) => c.start === segment.start).map((c) => c.id);
            const endTop = endsHere.length ? endsHere.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a)) : null;
            return (
              <span
                key={segment.start}
                className="hl"
                data-ids={segment.ids.join(" ")}
                data-starts={startsHere.length ? startsHere.join(" ") : undefined}
                data-status={top.status}
                data-verdict={top.verdict?.key ?? undefined}
                data-overlap={segment.ids.length > 1 ? segment.ids.length : undefined}
                data-end-status={endTop?.status}
                data-active={activeId && segment.ids.includes(activeId) ? "" : undefined}
                title={
                  covering.length > 1
                    ? `${covering.length} claims here: click to choose`
                    : `${top.statusLabel}${top.verdict ? ` · ${top.verdict.label}` : ""}`
                }
              >
                {segment.text}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
});
