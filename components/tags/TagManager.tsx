"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useAction } from "@/components/claims/useAction";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FormError } from "@/components/ui/FormError";
import { inputClass, linkButtonClass, quietButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { TagChip } from "@/components/tags/TagChips";
import { deleteTagAction, mergeTagsAction, updateTagAction } from "@/lib/actions/tags";
import { TAG_COLOURS, TAG_NAME_MAX, type TagColour } from "@/lib/tags/tag-rules";
import type { TeamTagDTO } from "@/lib/tags/tags";

/**
 * The team's tag vocabulary on the Team page: each tag with how many articles and claims carry it (linking to the
 * articles list filtered by it); editors and admins rename, recolour, merge and delete. Tags are created by tagging.
 */
export function TagManager({ tags, canManage }: { tags: TeamTagDTO[]; canManage: boolean }) {
  return (
    <section aria-labelledby="tags-title" className="mt-6 rounded-lg border border-rule bg-white p-4">
      <h2 id="tags-title" className={sectionTitleClass}>
        Tags
      </h2>
      {tags.length === 0 ? (
        <p className="text-sm text-muted">No tags yet. Reviewers and editors create them by tagging an article or a claim.</p>
      ) : (
        <ul className="divide-y divide-rule" data-testid="team-tags">
          {tags.map((tag) => (
            <TagRow
              key={`${tag.id}-${tag.name}-${tag.color}`}
              tag={tag}
              others={tags.filter((t) => t.id !== tag.id)}
              canManage={canManage}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function TagRow({ tag, others, canManage }: { tag: TeamTagDTO; others: TeamTagDTO[]; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState<TagColour | "">(tag.color ?? "");
  const [into, setInto] = useState("");
  const { run, pending, error } = useAction();
  const router = useRouter();
  const done = (result: unknown) => {
    if (result !== null) {
      setEditing(false);
      router.refresh();
    }
  };
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 py-2 text-sm">
      {editing ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            done(await run(() => updateTagAction({ tagId: tag.id, name, color: color || null })));
          }}
        >
          <input
            aria-label={`New name for ${tag.name}`}
            className={`${inputClass} w-48`}
            value={name}
            maxLength={TAG_NAME_MAX}
            onChange={(e) => setName(e.target.value)}
          />
          <select
            aria-label="Colour"
            className={`${inputClass} w-32`}
            value={color}
            onChange={(e) => setColor(e.target.value as TagColour | "")}
          >
            <option value="">Plain</option>
            {TAG_COLOURS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <button type="submit" className={quietButtonClass} disabled={pending}>
            Save
          </button>
          <button type="button" className={linkButtonClass} onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <TagChip tag={tag} />
      )}
      <Link href={`/articles?tag=${encodeURIComponent(tag.name)}`} className="text-xs text-muted hover:text-accent">
        {tag.articles} {tag.articles === 1 ? "article" : "articles"} · {tag.claims} {tag.claims === 1 ? "claim" : "claims"}
      </Link>
      {canManage && !editing && (
        <span className="ml-auto flex flex-wrap items-center gap-3">
          <button type="button" className={linkButtonClass} onClick={() => setEditing(true)}>
            Rename
          </button>
          {others.length > 0 && (
            <span className="flex items-center gap-1">
              <select
                aria-label={`Merge ${tag.name} into`}
                className={`${inputClass} w-36 py-0.5 text-xs`}
                value={into}
                onChange={(e) => setInto(e.target.value)}
              >
                <option value="">Merge into…</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              {into && (
                <ConfirmButton
                  label="Merge"
                  question={`Move everything tagged “${tag.name}” to “${others.find((o) => o.id === into)?.name}” and delete “${tag.name}”?`}
                  confirmLabel="Merge tags"
                  disabled={pending}
                  onConfirm={async () => done(await run(() => mergeTagsAction({ tagId: tag.id, into })))}
                />
              )}
            </span>
          )}
          <ConfirmButton
            label="Delete"
            question={`Delete “${tag.name}”? It comes off ${tag.articles + tag.claims} articles and claims.`}
            confirmLabel="Delete tag"
            disabled={pending}
            onConfirm={async () => done(await run(() => deleteTagAction({ tagId: tag.id })))}
          />
        </span>
      )}
      <FormError message={error} />
    </li>
  );
}
