"use client";

import { useEffect } from "react";
import type { MemberChoiceDTO } from "@/lib/teams/member-search";

type Props = {
  id: string;
  label: string;
  members: MemberChoiceDTO[];
  active: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  onPick: (member: MemberChoiceDTO) => void;
  onMore: () => void;
  onHover: (index: number) => void;
};

/** The option id of member `index` in listbox `listId` (for aria-activedescendant). */
export const optionId = (listId: string, index: number) => `${listId}-opt-${index}`;

/**
 * The listbox of a member combobox: each person with their email, role and open assignments; the active one
 * (aria-selected) follows the keyboard. Options take no focus: the input keeps it (aria-activedescendant).
 */
export function MemberOptions({ id, label, members, active, loading, error, hasMore, onPick, onMore, onHover }: Props) {
  useEffect(() => {
    document.getElementById(optionId(id, active))?.scrollIntoView({ block: "nearest" });
  }, [id, active]);
  return (
    <div className="absolute top-full right-0 left-0 z-30 mt-1 rounded-md border border-rule bg-white shadow-lg">
      <ul id={id} role="listbox" aria-label={label} className="max-h-64 overflow-y-auto py-1">
        {members.map((m, index) => (
          <li
            key={m.id}
            id={optionId(id, index)}
            role="option"
            aria-selected={index === active}
            data-testid="member-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => onHover(index)}
            onClick={() => onPick(m)}
            className={`flex cursor-pointer items-baseline gap-2 px-2.5 py-1.5 text-sm ${index === active ? "bg-accent text-white" : "text-ink"}`}
          >
            <span className="min-w-0 flex-1 truncate">
              <span className="font-medium">{m.name}</span>{" "}
              <span className={index === active ? "text-white/80" : "text-muted"}>{m.email}</span>
            </span>
            <span className={`shrink-0 text-xs ${index === active ? "text-white/80" : "text-muted"}`}>
              {m.role} · {m.openAssignments} open
            </span>
          </li>
        ))}
      </ul>
      <div className="border-t border-rule px-2.5 py-1 text-xs text-muted" aria-live="polite">
        {error ??
          (loading
            ? "Looking…"
            : members.length === 0
              ? "Nobody matches."
              : hasMore
                ? null
                : `${members.length} ${members.length === 1 ? "person" : "people"}`)}
        {hasMore && !loading && !error && (
          <button
            type="button"
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={onMore}
            className="text-accent hover:underline"
          >
            Show more (or press ↓ at the end)
          </button>
        )}
      </div>
    </div>
  );
}
