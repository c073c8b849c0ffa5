"use client";

import { useRouter } from "next/navigation";
import { When } from "@/components/ui/When";
import type { ActionResult } from "@/lib/http/result";
import type { SessionDTO } from "@/lib/sessions/sessions";
import { endOtherSessionsAction, endSessionAction } from "@/lib/actions/account";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { linkButtonClass, quietButtonClass } from "@/components/ui/styles";

/** My signed-in sessions, this device marked; sign one out, or all but this one. */
export function SessionList({ sessions }: { sessions: SessionDTO[] }) {
  const router = useRouter();
  const act = useAction();
  const others = sessions.filter((s) => !s.current).length;

  async function run(work: () => Promise<ActionResult<unknown>>) {
    if (await act.run(work)) router.refresh();
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-muted">
          {sessions.length} signed-in session{sessions.length === 1 ? "" : "s"}. Sessions end after 12 hours without use.
        </p>
        <button
          type="button"
          className={quietButtonClass}
          disabled={act.pending || others === 0}
          onClick={() => run(() => endOtherSessionsAction({}))}
        >
          Sign out everywhere else
        </button>
      </div>
      <FormError message={act.error} />
      <ul className="divide-y divide-rule overflow-hidden rounded-lg border border-rule bg-white text-sm" aria-label="Your sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3" data-testid="session">
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {s.device}
                {s.current && (
                  <span className="ml-2 rounded-full border border-emerald-200 bg-emerald-50 px-2 py-0.5 text-xs font-normal text-emerald-800">
                    This device
                  </span>
                )}
              </p>
              <p className="text-xs text-muted">
                {s.ip || "address unknown"} · signed in <When iso={s.createdAt} /> · last seen <When iso={s.lastSeenAt} />
              </p>
            </div>
            {!s.current && (
              <button
                type="button"
                className={linkButtonClass}
                disabled={act.pending}
                onClick={() => run(() => endSessionAction({ sessionId: s.id }))}
              >
                Sign out
                {/* Named for screen readers by device and last use, in the reader's own time zone (When). */}
                <span className="sr-only">
                  {" "}
                  {s.device}, last seen <When iso={s.lastSeenAt} />
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
