/**
 * "p. 3": the page of the imported PDF a claim is on. Seen as the short form, read out by screen readers as
 * "page 3" (the abbreviation alone is read as a letter).
 */
export function PageMark({ page, className = "" }: { page: number; className?: string }) {
  return (
    <span className={`tabular-nums ${className}`} data-testid="claim-page" data-page={page} title={`On page ${page} of the PDF`}>
      <span aria-hidden="true">p. {page}</span>
      <span className="sr-only">page {page}</span>
    </span>
  );
}
