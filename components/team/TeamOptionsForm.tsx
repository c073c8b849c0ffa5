"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateTeamOptionsAction } from "@/lib/actions/team";
import type { TeamOptionsDTO } from "@/lib/teams/manage-teams";
import type { RatingEntry } from "@/lib/teams/rating-scale";
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
        <legend className="mb-1 text-xs text-muted">
          Rating scale, in the order the verdict menu shows it. Verdicts already given keep the label they were given.
        </legend>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1 font-normal">Label</th>
                <th className="py-1 font-normal">Colour</th>
                <th className="py-1 font-normal">No rating</th>
                <th className="py-1 font-normal">Rating</th>
                <th className="py-1 font-normal">
                  <span className="sr-only">Order</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {options.ratingScale.map((entry, i) => (
                <tr key={entry.key} data-testid={`rating-${entry.key}`}>
                  <td className="py-1 pr-2">
                    <input
                      aria-label={`Label for ${entry.key}`}
                      className={inputClass}
                      value={entry.label}
                      onChange={(e) => setEntry(i, { label: e.target.value })}
                    />
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      aria-label={`Colour for ${entry.key}`}
                      type="color"
                      value={entry.colour}
                      onChange={(e) => setEntry(i, { colour: e.target.value })}
                    />
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      aria-label={`${entry.label} is no rating`}
                      type="checkbox"
                      checked={entry.noRating}
                      onChange={(e) => setEntry(i, { noRating: e.target.checked })}
                    />
                  </td>
                  <td className="py-1 pr-2 text-xs text-muted">{entry.ordinal === 0 ? "outside the scale" : `${entry.ordinal} of 5`}</td>
                  <td className="space-x-2 py-1 whitespace-nowrap">
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
