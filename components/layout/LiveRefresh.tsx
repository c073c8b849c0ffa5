"use client";

import { useRouter } from "next/navigation";
import { useTeamChanges } from "@/components/layout/useTeamChanges";

/** Re-renders the page from the server whenever something changes in the user's teams. */
export function LiveRefresh({ alsoOn }: { alsoOn?: string[] } = {}) {
  const router = useRouter();
  useTeamChanges(() => router.refresh(), { delayMs: 150, alsoOn });
  return null;
}
