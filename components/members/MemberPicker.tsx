"use client";

import { useId, useLayoutEffect, useState, type KeyboardEvent } from "react";
import type { MemberChoiceDTO } from "@/lib/teams/member-search";
import { inputClass } from "@/components/ui/styles";
import { isComposing } from "@/components/ui/typing";
import { MemberOptions, optionId } from "@/components/members/MemberOptions";
import { useMemberSearch } from "@/components/members/useMemberSearch";

type Props = {
  /** The visible label of the search box. */
  label: string;
  onPick: (member: MemberChoiceDTO) => void;
  /** Leave out viewers (they cannot be assigned). */
  writersOnly?: boolean;
  /** People not to offer (already chosen). */
  exclude?: readonly string[];
  disabled?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
};

/**
 * Choose a team member by typing part of their name or email: an ARIA 1.2 combobox (input + listbox) over the
 * paged member search, showing each person's role and open assignments. Keyboard: ↓/↑ move (↓ at the end loads
 * the next page), Enter picks (with the list closed it submits the form), Escape closes (a second Escape clears the text), Home/End jump. Works for any team
 * size: only a page of people is ever loaded.
 */
export function MemberPicker({
  label,
  onPick,
  writersOnly = false,
  exclude = [],
  disabled,
  placeholder = "Type a name or email…",
  autoFocus,
}: Props) {
  const inputId = useId();
  const listId = `${inputId}-list`;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useMemberSearch(query, { enabled: open, writersOnly });
  const members = search.members.filter((m) => !exclude.includes(m.id));
  const shown = open && !disabled;
  const current = Math.min(active, members.length - 1);
  // Enter pressed before the list answers what was typed (the search runs 150 ms after the last key): the list
  // may still be an earlier query's, so the first match is picked when the answer arrives, never a stale name.
  const [heldEnter, setHeldEnter] = useState(false);

  function pick(member: MemberChoiceDTO) {
    onPick(member);
    setQuery("");
    setActive(0);
    setOpen(false);
  }

  useLayoutEffect(() => {
    if (!heldEnter || !search.ready) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- settling the held Enter when the answer arrives is what this effect is for
    setHeldEnter(false);
    if (members[0]) pick(members[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer to the held Enter
  }, [heldEnter, search.ready]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // A key of an IME composition (Enter choosing a word, Escape cancelling it) is the input method's.
    if (isComposing(event.nativeEvent)) return;
    if (event.key === "Escape") setHeldEnter(false);
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) return setOpen(true);
      if (current >= members.length - 1) void search.loadMore();
      setActive(Math.min(current + 1, Math.max(members.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActive(Math.max(current - 1, 0));
    } else if (event.key === "Home" && shown) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === "End" && shown) {
      event.preventDefault();
      setActive(Math.max(members.length - 1, 0));
    } else if (event.key === "Enter" && shown && !search.ready) {
      event.preventDefault();
      setHeldEnter(true);
    } else if (event.key === "Enter" && shown && members[current]) {
      // With the list closed, Enter submits the form as in any text field.
      event.preventDefault();
      pick(members[current]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      } else if (query) {
        event.preventDefault();
        event.stopPropagation();
        setQuery("");
      }
    }
  }

  return (
    <div className="relative">
      <label htmlFor={inputId} className="mb-0.5 block text-xs text-muted">
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && members[current] ? optionId(listId, current) : undefined}
        autoComplete="off"
        spellCheck={false}
        className={inputClass}
        value={query}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <MemberOptions
          id={listId}
          label={label}
          members={members}
          active={current}
          loading={search.loading}
          error={search.error}
          hasMore={search.nextCursor !== null}
          onPick={pick}
          onMore={() => void search.loadMore()}
          onHover={setActive}
        />
      )}
    </div>
  );
}
