"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TeamTwoFactorDTO } from "@/lib/teams/two-factor-policy";
import { setTeamTwoFactorAction } from "@/lib/actions/team-settings";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";

/** Admins only: require two-factor of the team's admins and editors, and see who has it. */
export function TeamTwoFactorPolicy({ policy, meEnrolled }: { policy: TeamTwoFactorDTO; meEnrolled: boolean }) {
  const router = useRouter();
  const act = useAction();
  // Shown at once; put back if the server refuses.
  const [required, setRequired] = useState(policy.required);
  const waiting = policy.people.filter((p) => !p.enrolled);

  async function toggle(next: boolean) {
    setRequired(next);
    if (await act.run(() => setTeamTwoFactorAction({ required: next }))) router.refresh();
    else setRequired(!next);
  }

  return (
    <section aria-labelledby="two-factor-rule" className="rounded-lg border border-rule bg-white p-4 text-sm">
      <h2 id="two-factor-rule" className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">
        Security
      </h2>
      <div className="flex items-start gap-3">
        <input
          id="require-two-factor"
          type="checkbox"
          className="mt-0.5 h-4 w-4 accent-[var(--color-accent)]"
          checked={required}
          disabled={act.pending || (!required && !meEnrolled)}
          onChange={(e) => toggle(e.target.checked)}
          aria-describedby="require-two-factor-help"
        />
        <div>
          <label htmlFor="require-two-factor" className="block font-medium">
            Require two-factor for admins and editors
          </label>
          <p id="require-two-factor-help" className="text-muted">
            They must set up an authenticator app before they can work; until then Factdesk sends them to their Account page and refuses
            their changes.
            {!required && !meEnrolled && (
              <>
                {" "}
                Turn on two-factor for your own account first, on your{" "}
                <Link href="/account#two-factor" className="text-accent underline underline-offset-2">
                  Account page
                </Link>
                .
              </>
            )}
          </p>
        </div>
      </div>
      <p className="mt-3 text-muted" data-testid="two-factor-coverage">
        {waiting.length === 0
          ? `All ${policy.people.length} admins and editors have two-factor on.`
          : `${policy.people.length - waiting.length} of ${policy.people.length} admins and editors have two-factor on. Not yet: ${waiting.map((p) => p.name).join(", ")}.`}
      </p>
      <FormError message={act.error} />
    </section>
  );
}
