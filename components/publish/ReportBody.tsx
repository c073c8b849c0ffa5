"use client";

import type { MouseEvent } from "react";

/** The article text with verified claims marked; clicking a mark brings its verdict card into view. */
export function ReportBody({ html }: { html: string }) {
  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>("[data-ids]");
    const id = mark?.dataset.ids?.split(" ").at(-1);
    if (!id) return;
    history.replaceState(null, "", `#claim-${id}`);
    document.getElementById(`claim-${id}`)?.scrollIntoView({ behavior: "smooth", block: "start" });
  }
  // Every mark here is a verified claim, so the desk's status underline adds nothing: the fill says the verdict.
  return (
    <div
      onClick={onClick}
      className="font-serif text-[1.1875rem] leading-[1.75] text-ink [&_.hl]:[--line:transparent]"
      data-testid="report-body"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
