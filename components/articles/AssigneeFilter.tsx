"use client";

import { useState } from "react";
import { MemberPicker } from "@/components/members/MemberPicker";
import { linkButtonClass } from "@/components/ui/styles";

type Choice = { value: string; label: string };

/**
 * The articles list's "Assigned to" filter: anyone, me, or a person found with the member picker. Sends the
 * choice as `assignee` with the filter form (a member id, "me", or nothing).
 */
export function AssigneeFilter({ value, name }: { value: string | null; name: string | null }) {
  const [choice, setChoice] = useState<Choice>(
    value === "me" ? { value: "me", label: "Me" } : value ? { value, label: name ?? "Someone" } : { value: "", label: "Anyone" },
  );
  return (
    <div className="w-64" data-testid="assignee-filter">
      <input type="hidden" name="assignee" value={choice.value} />
      <p className="mb-1 text-xs font-medium text-muted">
        Assigned to:{" "}
        <span className="text-ink" data-testid="assignee-choice">
          {choice.label}
        </span>{" "}
        {choice.value !== "" && (
          <button type="button" className={linkButtonClass} onClick={() => setChoice({ value: "", label: "Anyone" })}>
            anyone
          </button>
        )}{" "}
        {choice.value !== "me" && (
          <button type="button" className={linkButtonClass} onClick={() => setChoice({ value: "me", label: "Me" })}>
            me
          </button>
        )}
      </p>
      <MemberPicker label="Find a person" placeholder="Name or email…" onPick={(m) => setChoice({ value: m.id, label: m.name })} />
    </div>
  );
}
