"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { updateTeamOptionsAction } from "@/lib/actions/team";
import type { TeamOptionsDTO } from "@/lib/teams/manage-teams";
import { MAX_RATINGS, type RatingEntry } from "@/lib/teams/rating-scale";
import { readableTextOn } from "@/lib/teams/colour";
import { withCheckedInput } from "@/lib/validation/parse";
import { SOURCE_CHECK_DAYS, ZTeamOptions } from "@/lib/validation/team-admin";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, sectionTitleClass } from "@/components/ui/styles";

type Props = { initial: TeamOptionsDTO; ssoConfigured: boolean };

/** Admins: double review by default, single sign-on required, how often evidence sources are checked, and the rating scale. */
export function TeamOptionsForm({ initial, ssoConfigured }: Props) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  const [options, setOptions] = useState(initial);
  const [saved, setSaved] = useState(false);

  const setEntry = (index: number, change: Partial<RatingEntry>) =>
    setOptions({ ...options, ratingScale: options.ratingScale.map((e, i) => (i === index ? { ...e, ...change } : e)) });
  // Removing a rating removes the button that had focus, and adding one puts a new label to fill in above the button:
  // focus goes to the label of the rating now in that place (or the one before), or of the new rating, instead of
  // falling to <body>, so a keyboard user keeps their place.
  const labels = useRef(new Map<string, HTMLInputElement>());
  const focusLabel = useRef<string | null>(null);
  useEffect(() => {
    const key = focusLabel.current;
    if (key === null) return;
    focusLabel.current = null;
    labels.current.get(key)?.focus();
  }, [options.ratingScale]);
  const remove = (index: number) => {
    const rest = options.ratingScale.filter((_, i) => i !== index);
    focusLabel.current = (rest[index] ?? rest[index - 1])?.key ?? null;
    setOptions({ ...options, ratingScale: rest });
  };
  const add = () => {
    const taken = new Set(options.ratingScale.map((e) => e.key));
    let n = options.ratingScale.length + 1;
    while (taken.has(`rating-${n}`)) n += 1;
    const entry: RatingEntry = { key: `rating-${n}`, label: "", colour: "#667085", ordinal: 3, noRating: false };
    focusLabel.current = entry.key;
    setOptions({ ...options, ratingScale: [...options.ratingScale, entry] });
  };
  const move = (index: number, by: -1 | 1) => {
    const list = [...options.ratingScale];
    const [entry] = list.splice(index, 1);
    list.splice(index + by, 0, entry!);
    setOptions({ ...options, ratingScale: list });
  };

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const done = await run(() => withCheckedInput(ZTeamOptions, options, updateTeamOptionsAction));
    if (done) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSave} aria-label="Team options" className="space-y-3 rounded-lg border border-rule bg-white p-4 text-sm">
      <h2 className={sectionTitleClass}>Review options</h2>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={options.doubleReviewDefault}
          onChange={(e) => setOptions({ ...options, doubleReviewDefault: e.target.checked })}
        />
        New articles need independent double review
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={options.requireSso}
          disabled={!ssoConfigured && !options.requireSso}
          onChange={(e) => setOptions({ ...options, requireSso: e.target.checked })}
        />
        Members sign in with single sign-on only
        {!ssoConfigured && <span className="text-xs text-muted">(single sign-on is not configured on this Factdesk)</span>}
      </label>
      <label className="flex flex-wrap items-center gap-2">
        Check evidence sources for changes
        <select
          aria-label="Check evidence sources for changes"
          className={`${inputClass} w-auto`}
          value={options.sourceCheckDays}
          onChange={(e) => setOptions({ ...options, sourceCheckDays: Number(e.target.value) })}
        >
          {SOURCE_CHECK_DAYS.map((days) => (
            <option key={days} value={days}>
              {days === 0 ? "never" : days === 1 ? "every day" : days === 7 ? "every week" : `every ${days} days`}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="min-w-0">
        <legend className="mb-1 font-medium">Rating scale</legend>
        <p className="mb-2 text-xs text-muted">
          The verdicts reviewers choose from, in this order. “Value” is what published fact-checks (ClaimReview) carry: 5 for true down to 1
          for false; “none” keeps a rating off that scale. A “no rating” verdict is left out of the agreement figures. Verdicts already
          given keep the label they were given, even if you rename or remove their rating.
        </p>
        {/* Below 640 px each rating is a wrapped row of its own (no sideways scrolling), with the column names beside the controls. */}
        <div className="relative overflow-x-auto" data-testid="rating-scale">
          <table className="w-full text-left max-sm:block">
            <thead className="text-xs text-muted max-sm:sr-only">
              <tr>
                <th className="py-1 font-normal">Label</th>
                <th className="py-1 font-normal">Colour</th>
                <th className="py-1 font-normal">Value</th>
                <th className="py-1 font-normal">No rating</th>
                <th className="py-1 font-normal">
                  <span className="sr-only">Order</span>
                </th>
              </tr>
            </thead>
            <tbody className="max-sm:block max-sm:divide-y max-sm:divide-rule">
              {options.ratingScale.map((entry, i) => (
                <tr
                  key={entry.key}
                  data-testid={`rating-${entry.key}`}
                  className="max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-3 max-sm:gap-y-1 max-sm:py-2"
                >
                  <td className="py-1 pr-2 max-sm:block max-sm:basis-full max-sm:pr-0">
                    <input
                      ref={(el) => {
                        if (el) labels.current.set(entry.key, el);
                        else labels.current.delete(entry.key);
                      }}
                      aria-label={`Label for rating ${i + 1}`}
                      className={`${inputClass} min-w-32`}
                      maxLength={40}
                      value={entry.label}
                      onChange={(e) => setEntry(i, { label: e.target.value })}
                    />
                  </td>
                  <td className="py-1 pr-2 whitespace-nowrap max-sm:block">
                    <input
                      aria-label={`Colour for ${entry.label || `rating ${i + 1}`}`}
                      type="color"
                      className="h-7 w-9 align-middle"
                      value={entry.colour}
                      onChange={(e) => setEntry(i, { colour: e.target.value })}
                    />{" "}
                    <span
                      className="inline-block rounded-full px-2 py-0.5 align-middle text-xs font-semibold"
                      style={{ backgroundColor: entry.colour, color: readableTextOn(entry.colour) }}
                      aria-hidden="true"
                    >
                      {entry.label || "Sample"}
                    </span>
                  </td>
                  <td className="py-1 pr-2 max-sm:flex max-sm:items-center max-sm:gap-1">
                    <span aria-hidden="true" className="text-xs text-muted sm:hidden">
                      Value
                    </span>
                    <select
                      aria-label={`Value for ${entry.label || `rating ${i + 1}`}`}
                      className={inputClass}
                      value={entry.ordinal}
                      onChange={(e) => {
                        const ordinal = Number(e.target.value);
                        setEntry(i, ordinal === 0 ? { ordinal, noRating: true } : { ordinal });
                      }}
                    >
                      {[5, 4, 3, 2, 1].map((n) => (
                        <option key={n} value={n}>
                          {n}
                          {n === 5 ? " (true)" : n === 1 ? " (false)" : ""}
                        </option>
                      ))}
                      <option value={0}>none</option>
                    </select>
                  </td>
                  <td className="py-1 pr-2 max-sm:flex max-sm:items-center max-sm:gap-1">
                    <input
                      aria-label={`${entry.label || `Rating ${i + 1}`} is no rating`}
                      type="checkbox"
                      checked={entry.noRating}
                      disabled={entry.ordinal === 0}
                      onChange={(e) => setEntry(i, { noRating: e.target.checked })}
                    />
                    <span aria-hidden="true" className="text-xs text-muted sm:hidden">
                      No rating
                    </span>
                  </td>
                  <td className="space-x-2 py-1 whitespace-nowrap max-sm:block">
                    <button
                      type="button"
                      className={linkButtonClass}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`Move ${entry.label} up`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className={linkButtonClass}
                      disabled={i === options.ratingScale.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Move ${entry.label} down`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className={linkButtonClass}
                      disabled={options.ratingScale.length === 1}
                      onClick={() => remove(i)}
                      aria-label={`Remove ${entry.label || `rating ${i + 1}`}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" className={`${linkButtonClass} mt-1`} onClick={add} disabled={options.ratingScale.length >= MAX_RATINGS}>
          + Add a rating
        </button>
        {options.ratingScale.length >= MAX_RATINGS && <span className="ml-2 text-xs text-muted">(at most {MAX_RATINGS})</span>}
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          Save options
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
      <FormError message={error} />
    </form>
  );
}
