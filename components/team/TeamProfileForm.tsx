"use client";

import { useState, type FormEvent } from "react";
import { updateTeamProfileAction } from "@/lib/actions/team";
import type { TeamProfileDTO } from "@/lib/teams/profile";
import { withCheckedInput } from "@/lib/validation/parse";
import { ZTeamProfile } from "@/lib/validation/team-profile";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, sectionTitleClass } from "@/components/ui/styles";

/** Admins: the organisation's public name, site and logo, as published fact-checks name their author. */
export function TeamProfileForm({ initial, teamName }: { initial: TeamProfileDTO; teamName: string }) {
  const [form, setForm] = useState({
    publicName: initial.publicName ?? "",
    publicUrl: initial.publicUrl ?? "",
    logoUrl: initial.logoUrl ?? "",
  });
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction();
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [field]: e.target.value });
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => withCheckedInput(ZTeamProfile, form, updateTeamProfileAction))) setSaved(true);
  }

  return (
    <form
      onSubmit={onSubmit}
      className="mb-8 grid gap-2 rounded-lg border border-rule bg-white p-4 sm:grid-cols-3"
      aria-label="Public profile"
      data-testid="team-profile"
    >
      <h2 className={`${sectionTitleClass} sm:col-span-3`}>How published fact-checks name the team</h2>
      <label className="text-xs text-muted">
        Public name
        <input
          dir="auto"
          aria-label="Public name"
          className={inputClass}
          value={form.publicName}
          onChange={set("publicName")}
          placeholder={teamName}
        />
      </label>
      <label className="text-xs text-muted">
        Website
        <input
          dir="auto"
          aria-label="Public website"
          className={inputClass}
          value={form.publicUrl}
          onChange={set("publicUrl")}
          placeholder="https://…"
        />
      </label>
      <label className="text-xs text-muted">
        Logo URL
        <input
          dir="auto"
          aria-label="Logo URL"
          className={inputClass}
          value={form.logoUrl}
          onChange={set("logoUrl")}
          placeholder="https://…/logo.png"
        />
      </label>
      <div className="flex items-center gap-3 sm:col-span-3">
        <button type="submit" className={buttonClass} disabled={pending}>
          Save public profile
        </button>
        {saved && (
          <span role="status" className="text-xs text-emerald-700">
            Saved
          </span>
        )}
      </div>
      <div className="sm:col-span-3">
        <FormError message={error} />
      </div>
    </form>
  );
}
