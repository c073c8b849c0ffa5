"use client";

import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from "react";
import type { MemberChoiceDTO } from "@/lib/teams/member-search";
import { MemberOptions, optionId } from "@/components/members/MemberOptions";
import { useMemberSearch } from "@/components/members/useMemberSearch";
import { inputClass } from "@/components/ui/styles";
import { isComposing } from "@/components/ui/typing";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** Called with each member picked from the list (the server resolves mentions from the text itself). */
  onMention: (member: MemberChoiceDTO) => void;
  label: string;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
};

// "@" at the start or after a non-word character, then up to 40 characters of a name, up to the caret.
const MENTION_AT_CARET = /(?:^|[^\p{L}\p{N}_])@([^\n@]{0,40})$/u;

/** The "@name" being typed just before `caret`: where its "@" is and what follows it, or null. Pure. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = MENTION_AT_CARET.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** A key pressed to pick while the list was not yet filled for "@query" at value[start, end). */
type HeldPick = { start: number; end: number; query: string; key: "Enter" | "Tab" };

/**
 * A comment box that offers the team's members while "@name" is being typed, from the member search. A textarea
 * may not take the combobox role (ARIA in HTML), so it stays a textbox with aria-autocomplete="list",
 * aria-controls and aria-activedescendant pointing into the listbox, and a live region says how many people match. ↓/↑ move, Enter or Tab put "@Full Name " into the text, Escape closes the list (the text stays as
 * typed). Enter or Tab pressed before the list is filled for what was typed picks the first match once it is. Plain text throughout: picking only inserts the name.
 */
export function MentionTextarea({ value, onChange, onMention, label, placeholder, rows = 2, autoFocus, inputRef }: Props) {
  const boxId = useId();
  const listId = `${boxId}-mentions`;
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // Enter (or Tab) pressed while the list is still being filled for "@query" (the search runs 150 ms after the last
  // key): the first match is put in when it arrives, never a new line. Keys typed meanwhile go after the name.
  const [held, setHeld] = useState<HeldPick | null>(null);
  const mention = mentionAt(value, caret);
  const wanted = mention !== null && mention.start !== dismissedAt;
  const search = useMemberSearch(held?.query ?? mention?.query ?? "", { enabled: wanted || held !== null });
  // A space typed after a name that matches nobody ends the mention: it was an "@" in prose.
  const open = wanted && !(mention!.query.includes(" ") && !search.loading && search.members.length === 0);
  const current = Math.min(active, search.members.length - 1);
  // Where the caret goes once a picked name is in the text. Set in the same commit as the new value (a layout
  // effect runs before the browser handles the next key), never a frame later: a key typed in between would land
  // after the name and the rest before it.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    if (at === null) return;
    caretAfterPick.current = null;
    (document.getElementById(boxId) as HTMLTextAreaElement | null)?.setSelectionRange(at, at);
  });

  /** Puts "@Full Name " in place of value[start, end) (the "@query"); what was typed after `end` stays after it. */
  function put(inserted: string, start: number, end: number, member: MemberChoiceDTO | null) {
    const next = value.slice(0, start) + inserted + value.slice(end);
    const at = start + inserted.length + Math.max(0, caret - end);
    onChange(next);
    if (member) onMention(member);
    // The name is in: this "@" offers nobody again (typing on after the name is prose).
    setDismissedAt(start);
    setCaret(at);
    setActive(0);
    caretAfterPick.current = at;
  }

  function pick(member: MemberChoiceDTO) {
    if (mention) put(`@${member.name} `, mention.start, caret, member);
  }

  // The held key is settled in the commit that brings the answer: a layout effect runs before the browser handles
  // the next key, so nothing typed lands between the answer and the name.
  useLayoutEffect(() => {
    if (!held || !search.ready) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- settling the held key when the answer arrives is what this effect is for
    setHeld(null);
    // Text changed under the "@query" (deleted, edited): the held key no longer applies.
    if (value.slice(held.start, held.end) !== `@${held.query}`) return;
    const first = search.members[0];
    if (first) put(`@${first.name} `, held.start, held.end, first);
    // Nobody matches: the key does what it does without a list.
    else if (held.key === "Enter") put(`@${held.query}\n`, held.start, held.end, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer to the held key; reads the text as it is then
  }, [held, search.ready]);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // A key of an IME composition (Enter choosing a word, Escape cancelling it) is the input method's.
    if (isComposing(event.nativeEvent)) return;
    if (held) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setHeld(null);
        setDismissedAt(held.start);
      }
      return;
    }
    if (!open) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (current >= search.members.length - 1) void search.loadMore();
      setActive(Math.min(current + 1, Math.max(search.members.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && !search.ready) {
      event.preventDefault();
      setHeld({ start: mention!.start, end: caret, query: mention!.query, key: event.key });
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && search.members[current]) {
      event.preventDefault();
      pick(search.members[current]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(mention!.start);
    }
  }

  const count = search.members.length;
  const status =
    !open || search.loading
      ? ""
      : count === 0
        ? "Nobody matches."
        : `${count}${search.nextCursor ? "+" : ""} people to mention: arrows to choose, Enter to insert.`;
  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  return (
    <div className="relative">
      <textarea
        dir="auto"
        id={boxId}
        ref={inputRef}
        aria-label={label}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open && search.members[current] ? optionId(listId, current) : undefined}
        className={inputClass}
        rows={rows}
        placeholder={placeholder}
        value={value}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
          setActive(0);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => mention && setDismissedAt(mention.start)}
        onFocus={() => setDismissedAt(null)}
      />
      <span className="sr-only" aria-live="polite">
        {status}
      </span>
      {open && (
        <MemberOptions
          id={listId}
          label="People to mention"
          members={search.members}
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
