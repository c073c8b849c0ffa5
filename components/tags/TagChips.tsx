import { TAG_CHIP_CLASSES, type TagDTO } from "@/lib/tags/tag-rules";

/** One tag as a small chip in its colour (plain stone without one). */
export function TagChip({ tag, children }: { tag: Pick<TagDTO, "name" | "color">; children?: React.ReactNode }) {
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TAG_CHIP_CLASSES[tag.color ?? "plain"]}`}
      data-testid="tag-chip"
    >
      <span className="truncate">{tag.name}</span>
      {children}
    </span>
  );
}

/** A read-only row of tag chips, labelled for screen readers; nothing when there are none. */
export function TagChips({ tags, className = "" }: { tags: readonly TagDTO[]; className?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="Tags" className={`flex flex-wrap gap-1 ${className}`}>
      {tags.map((tag) => (
        <li key={tag.id} className="max-w-full">
          <TagChip tag={tag} />
        </li>
      ))}
    </ul>
  );
}
