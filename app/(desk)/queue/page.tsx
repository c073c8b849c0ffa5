import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { listNeedsMe, needsKindsFor } from "@/lib/needs/needs-me";
import { LiveRefresh } from "@/components/layout/LiveRefresh";
import { NeedsList } from "@/components/needs/NeedsList";

export const metadata: Metadata = { title: "Needs me" };

// Needs me replaces My queue (same address, /queue): a reviewer's assignments are one of its sections, so there
// is one place to look. The API keeps GET /api/v1/me/queue (assignments across all teams) for scripts.
export default async function NeedsMePage() {
  const user = await requireUser();
  if (!user.teamId) return <p className="text-muted">You are not a member of any team yet. Ask an admin to add you.</p>;
  const needs = await listNeedsMe({ userId: user.id, teamId: user.teamId });
  const kinds = needsKindsFor(needs.role);
  return (
    <div className="mx-auto max-w-4xl">
      <LiveRefresh />
      <h1 className="text-2xl font-semibold tracking-tight">Needs me</h1>
      <p className="mb-6 text-sm text-muted">
        {kinds.length === 0
          ? "Viewers have nothing to act on."
          : `What waits for you in ${user.teamName}, oldest first. It updates as your team works.`}
      </p>
      <NeedsList kinds={kinds} items={needs.items} counts={needs.counts} />
    </div>
  );
}
