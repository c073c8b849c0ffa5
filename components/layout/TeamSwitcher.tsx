"use client";

import { getCsrfToken } from "next-auth/react";
import { useState } from "react";

type Team = { id: string; name: string; role: string };

/** Switches the active team by updating the session (next-auth re-checks the membership). */
export function TeamSwitcher({ teams, activeId }: { teams: Team[]; activeId: string | null }) {
  const [pending, setPending] = useState(false);
  if (teams.length < 2) {
    const team = teams[0];
    return team ? (
      // A long team name is cut (the whole name on hover), so it never pushes Sign out off a 768 px bar.
      <span
        className="max-w-48 truncate rounded-full border border-rule px-3 py-0.5 text-sm whitespace-nowrap text-muted md:max-w-36 xl:max-w-64"
        title={team.name}
        data-testid="team-name"
      >
        {team.name}
      </span>
    ) : null;
  }
  async function choose(teamId: string) {
    setPending(true);
    await fetch("/api/auth/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ csrfToken: await getCsrfToken(), data: { teamId } }),
    });
    // A full load on purpose: every server component and cached page must be rendered again for the new team.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/articles");
  }
  return (
    <select
      aria-label="Team"
      data-testid="team-switcher"
      value={activeId ?? ""}
      disabled={pending}
      onChange={(e) => choose(e.target.value)}
      className="max-w-48 truncate rounded-full border border-rule bg-white px-3 py-0.5 text-sm text-muted"
    >
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name} ({t.role})
        </option>
      ))}
    </select>
  );
}
