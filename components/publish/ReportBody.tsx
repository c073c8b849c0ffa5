"use client";

import { useRef, type MouseEvent } from "react";
import { truncateText } from "@/lib/text/graphemes";
import { useRovingHighlights } from "@/components/claims/useRovingHighlights";

type Props = {
  html: string;
  /** By claim id, what its mark's accessible name says after the words ("checked: Mostly true"; report-marks.ts). */
  marks: Record<string, string>;
  /** The article's language (BCP 47), so screen readers pronounce its words right. */
  lang?: string;
};

/**
 * The article text with verified claims marked. Clicking a mark, or Enter on it (Tab reaches the
 * marks, arrow keys go from one to the next), brings its verdict card into view and focus.
 */
export function ReportBody({ html, marks, lang }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  function show(id: string, focus: boolean) {
    history.replaceState(null, "", `#claim-${id}`);
    const card = document.getElementById(`claim-${id}`);
    card?.scrollIntoView({ behavior: "smooth", block: "start" });
    if (focus) card?.focus({ preventScroll: true });
  }
  const roving = useRovingHighlights(ref, html, {
    describe: (ids, stop) => `${truncateText(stop.textContent ?? "", 80)} (${ids.map((id) => marks[id] ?? "checked").join("; ")})`,
    onActivate: (ids) => show(ids.at(-1)!, true),
  });
  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>("[data-ids]");
    const id = mark?.dataset.ids?.split(" ").at(-1);
    if (id) show(id, false);
  }
  return (
    <div
      ref={ref}
      onClick={onClick}
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
      className="report-body font-serif text-[1.1875rem] leading-[1.75] text-ink"
      data-testid="report-body"
      lang={lang}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
