"use client";

import Link from "next/link";
import { useState } from "react";
import { readApi } from "@/components/ui/read-api";
import { useTeamChanges } from "@/components/layout/useTeamChanges";

/**
 * The top bar's "Needs me" link with how many things wait for the person. Starts from the count the server
 * rendered and asks again (GET /api/v1/me/needs?count=1) whenever something changes in their teams.
 */
export function NeedsMeCount({ initial }: { initial: number }) {
  const [count, setCount] = useState(initial);
  useTeamChanges(() => {
    readApi("/api/v1/me/needs?count=1", (d: { total: number }) => d.total)
      .then((result) => result.ok && setCount(result.data))
      .catch(() => {});
  });
  return (
    <Link href="/queue" className="flex items-center gap-1.5 text-ink hover:text-accent">
      Needs me
      <span
        data-testid="needs-me-count"
        aria-label={`${count} waiting`}
        className={`min-w-5 rounded-full px-1.5 text-center text-xs tabular-nums ${count > 0 ? "bg-accent text-white" : "bg-stone-100 text-muted"}`}
      >
        {count}
      </span>
    </Link>
  );
}
