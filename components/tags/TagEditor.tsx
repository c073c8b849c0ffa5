"use client";

import { useId, useMemo, useRef, useState } from "react";
import { readApi } from "@/components/ui/read-api";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { TagChip, TagChips } from "@/components/tags/TagChips";
import { tagKey, TAG_NAME_MAX, type TagDTO } from "@/lib/tags/tag-rules";
import type { ActionResult } from "@/lib/http/result";
import { isComposing } from "@/components/ui/typing";

type Props = {
  /** What is tagged, for labels: "claim" or "article". */
  what: string;
  tags: TagDTO[];
  canEdit: boolean;
  add: (input: { tagId: string } | { name: string }) => Promise<ActionResult<TagDTO[]>>;
  remove: (tagId: string) => Promise<ActionResult<TagDTO[]>>;
  /** Called with the item's tags after a change. */
  onChanged: (tags: TagDTO[]) => void;
};

const MAX_OPTIONS = 8;

/**
 * Tags of an article or a claim as chips; for reviewers and editors also a combobox: typing searches the team's
 * tags (loaded on first focus), ↑/↓ move through the matches, Enter adds the highlighted one or, when none is
 * highlighted, the typed name (an existing tag when one matches ignoring case, else a new tag); Escape closes the list
 * and clears the text, and with neither to close leaves the field to the page (one layer per Escape). Each chip has a
 * remove button.
 */
export function TagEditor({ what, tags, canEdit, add, remove, onChanged }: Props) {
  const [text, setText] = useState("");
  const [vocabulary, setVocabulary] = useState<TagDTO[] | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const { run, pending, error } = useAction();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  const options = useMemo(() => {
    const key = tagKey(text);
    const mine = new Set(tags.map((t) => t.id));
    return (vocabulary ?? []).filter((t) => !mine.has(t.id) && tagKey(t.name).includes(key)).slice(0, MAX_OPTIONS);
  }, [vocabulary, text, tags]);

  async function loadVocabulary() {
    if (vocabulary) return;
    const loaded = await readApi("/api/v1/team/tags", (d: { tags: TagDTO[] }) => d.tags).catch(() => null);
    if (loaded?.ok) setVocabulary(loaded.data);
  }

  async function apply(change: () => Promise<ActionResult<TagDTO[]>>) {
    const next = await run(change);
    if (next) {
      onChanged(next);
      setVocabulary(null);
    }
    return next;
  }

  async function choose(option: TagDTO | null) {
    const name = text.trim();
    if (!option && !name) return;
    const done = await apply(() => add(option ? { tagId: option.id } : { name }));
    if (done) {
      setText("");
      setActive(-1);
      void loadVocabularyFresh();
      input.current?.focus();
    }
  }

  async function loadVocabularyFresh() {
    const loaded = await readApi("/api/v1/team/tags", (d: { tags: TagDTO[] }) => d.tags).catch(() => null);
    if (loaded?.ok) setVocabulary(loaded.data);
  }

  const showList = canEdit && open && (options.length > 0 || text.trim() !== "");

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    // A key of an IME composition (Enter choosing a word, Escape cancelling it) is the input method's.
    if (isComposing(event.nativeEvent)) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      void choose(active >= 0 ? (options[active] ?? null) : null);
    } else if (event.key === "Escape" && (showList || text)) {
      // Only a list on screen or typed text is this field's to close; otherwise Escape leaves the field (the page's
      // shortcuts): `open` alone (set by focusing) swallowed the first Escape with nothing to close (keys33).
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setText("");
      setActive(-1);
    }
  }

  const exact = options.some((t) => tagKey(t.name) === tagKey(text)) || tags.some((t) => tagKey(t.name) === tagKey(text));

  return (
    <section aria-label={`Tags of this ${what}`} className="text-sm" data-testid={`${what}-tags`}>
      {!canEdit ? (
        <TagChips tags={tags} />
      ) : (
        <>
          {tags.length > 0 && (
            <ul aria-label="Tags" className="mb-2 flex flex-wrap gap-1">
              {tags.map((tag) => (
                <li key={tag.id} className="max-w-full">
                  <TagChip tag={tag}>
                    <button
                      type="button"
                      className="-mr-1 rounded-full px-1 leading-none opacity-70 hover:opacity-100 focus-visible:opacity-100"
                      aria-label={`Remove tag ${tag.name}`}
                      disabled={pending}
                      onClick={() => void apply(() => remove(tag.id))}
                    >
                      ×
                    </button>
                  </TagChip>
                </li>
              ))}
            </ul>
          )}
          <div className="relative">
            <input
              ref={input}
              type="text"
              role="combobox"
              aria-label={`Add a tag to this ${what}`}
              aria-expanded={showList}
              aria-controls={showList ? listId : undefined}
              aria-autocomplete="list"
              aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
              placeholder="Add a tag…"
              maxLength={TAG_NAME_MAX}
              value={text}
              disabled={pending}
              onFocus={() => {
                setOpen(true);
                void loadVocabulary();
              }}
              onBlur={() => setOpen(false)}
              onChange={(e) => {
                setText(e.target.value);
                setActive(-1);
                setOpen(true);
              }}
              onKeyDown={onKeyDown}
              className="block w-full rounded-md border border-rule bg-white px-2.5 py-1 text-sm text-ink placeholder:text-stone-400 focus:border-accent disabled:bg-stone-100"
            />
            {showList && (
              <ul
                id={listId}
                role="listbox"
                aria-label="Matching tags"
                className="absolute z-20 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-rule bg-white py-1 shadow-lg"
              >
                {options.map((option, index) => (
                  <li
                    key={option.id}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className="cursor-pointer px-2.5 py-1 aria-selected:bg-sky-50"
                    onMouseDown={(e) => {
                      e.preventDefault();
                      void choose(option);
                    }}
                  >
                    <TagChip tag={option} />
                  </li>
                ))}
                {text.trim() !== "" && !exact && (
                  <li
                    role="option"
                    aria-selected={active === -1}
                    className="cursor-pointer px-2.5 py-1 text-muted aria-selected:bg-sky-50"
                    onMouseDown={(e) => {
                      e.preventDefault();
                      void choose(null);
                    }}
                  >
                    Enter: create “{text.trim()}”
                  </li>
                )}
              </ul>
            )}
          </div>
          <FormError message={error} />
        </>
      )}
    </section>
  );
}
