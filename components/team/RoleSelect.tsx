"use client";

import { ROLES } from "@/lib/access/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { inputClass } from "@/components/ui/styles";

type Props = {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  disabled?: boolean;
  className?: string;
};

/** A select of the four roles, most rights first (ROLES). */
export function RoleSelect({ label, value, onChange, disabled, className = "" }: Props) {
  return (
    <select
      aria-label={label}
      className={`${inputClass} ${className}`}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as Role)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
