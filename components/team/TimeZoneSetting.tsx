"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { setTeamTimeZoneAction } from "@/lib/actions/team";
import { withCheckedInput } from "@/lib/validation/parse";
import { ZTeamSettings } from "@/lib/validation/team";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Props = { timeZone: string; isAdmin: boolean };

/** The team's time zone: due dates are days there. Admins change it; others see it. */
export function TimeZoneSetting({ timeZone, isAdmin }: Props) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  const [chosen, setChosen] = useState(timeZone);
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf("timeZone");
    return known.includes(timeZone) ? ["UTC", ...known.filter((z) => z !== "UTC")] : [timeZone, "UTC", ...known.filter((z) => z !== "UTC")];
  }, [timeZone]);

  async function onSave(event: FormEvent) {
    event.preventDefault();
    if (await run(() => withCheckedInput(ZTeamSettings, { timeZone: chosen }, setTeamTimeZoneAction))) router.refresh();
  }

  if (!isAdmin) {
    return (
      <p className="text-sm text-muted" data-testid="team-time-zone">
        Due dates are days in <strong className="text-ink">{timeZone}</strong>.
      </p>
    );
  }
  return (
    <form onSubmit={onSave} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Team time zone">
      <label className="block">
        <span className="text-xs text-muted">Time zone (due dates are days here)</span>
        <select className={inputClass} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="team-time-zone">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass} disabled={pending || chosen === timeZone}>
        Save
      </button>
      <FormError message={error} />
    </form>
  );
}
