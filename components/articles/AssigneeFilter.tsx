"use client";

import { useState } from "react";
import { MemberPicker } from "@/components/members/MemberPicker";

type Choice = { value: string; label: string };

/**
 * The articles list's "Assigned to" filter: anyone, me, or a person found with the member picker. Sends the
 * choice as `assignee` with the filter form (a member id, "me", or nothing).
 */
export function AssigneeFilter({ value, name }: { value: string | null; name: string | null }) {
  const [choice, setChoice] = useState<Choice>(
    value === "me" ? { value: "me", label: "Me" } : value ? { value, label: name ?? "Someone" } : { value: "", label: "Anyone" },
  );
  const toggle = (pressed: boolean) =>
    `rounded-md border px-2.5 py-1 text-sm ${pressed ? "border-accent bg-accent text-white" : "border-rule bg-white text-ink hover:border-accent"}`;
  const person = choice.value !== "" && choice.value !== "me";
  return (
    <fieldset className="w-64" data-testid="assignee-filter">
      <input type="hidden" name="assignee" value={choice.value} />
      <legend className="mb-1 text-xs font-medium text-muted">Assigned to</legend>
      <div className="mb-1.5 flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          className={toggle(choice.value === "")}
          aria-pressed={choice.value === ""}
          onClick={() => setChoice({ value: "", label: "Anyone" })}
        >
          Anyone
        </button>
        <button
          type="button"
          className={toggle(choice.value === "me")}
          aria-pressed={choice.value === "me"}
          onClick={() => setChoice({ value: "me", label: "Me" })}
        >
          Me
        </button>
        {person && (
          <span className={toggle(true)} data-testid="assignee-choice">
            {choice.label}
          </span>
        )}
      </div>
      <MemberPicker label="Or find a person" placeholder="Name or email…" onPick={(m) => setChoice({ value: m.id, label: m.name })} />
    </fieldset>
  );
}
