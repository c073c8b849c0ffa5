import type { Metadata } from "next";
import Link from "next/link";
import { requireRole, requireUser } from "@/lib/auth";
import { getDeskStats } from "@/lib/reports/desk-stats";
import { listMembers } from "@/lib/teams/members";
import { ProgressBar } from "@/components/claims/ProgressBar";
import { ProgressOverTimeChart, VerdictMixChart } from "@/components/stats/Charts";
import { AgreementTable } from "@/components/stats/AgreementTable";

export const metadata: Metadata = { title: "Stats" };

export default async function StatsPage() {
  const user = requireRole(await requireUser());
  const [stats, members] = await Promise.all([
    getDeskStats({ teamId: user.teamId, userId: user.id }),
    listMembers({ teamId: user.teamId, userId: user.id }),
  ]);
  const names = Object.fromEntries(members.map((m) => [m.userId, m.name]));
  const card = "rounded-lg border border-rule bg-white p-4";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Stats · {user.teamName}</h1>
        <p className="text-sm text-muted">Progress, verdicts and how often independent reviewers agree.</p>
      </div>
      <section className={card} aria-label="Progress">
        <h2 className="mb-2 font-medium">Progress of all claims</h2>
        <ProgressBar counts={stats.progress} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={card} aria-label="Verdict mix">
          <h2 className="mb-2 font-medium">Verdict mix</h2>
          <VerdictMixChart data={stats.verdictMix} />
          <p className="mt-1 text-xs text-muted" data-testid="verdict-totals">
            {stats.verdictTotals.rated} rated · {stats.verdictTotals.noRating} no rating (left out of the agreement on the scale)
          </p>
        </section>
        <section className={card} aria-label="Progress over time">
          <h2 className="mb-2 font-medium">Verdicts per day</h2>
          <ProgressOverTimeChart data={stats.verifiedPerDay} />
        </section>
      </div>
      <section className={card} aria-label="Agreement">
        <h2 className="mb-1 font-medium">Agreement between reviewers (double review)</h2>
        <p className="mb-3 text-xs text-muted">
          Krippendorff&apos;s alpha (ordinal, on the ratings valued 1 to 5; the ratings your team marks “no rating” left out) and
          Cohen&apos;s kappa per reviewer pair. Each figure shows how many claims it rests on: below about 10, read it as a hint, not a
          measure.
        </p>
        <AgreementTable label="Whole team" agreement={stats.team} names={names} />
        <div className="mt-4 space-y-4">
          {stats.articles
            .filter((a) => a.agreement.items > 0)
            .map((a) => (
              <div key={a.id}>
                <Link href={`/articles/${a.id}`} className="text-sm font-medium hover:text-accent">
                  {a.title}
                </Link>
                <AgreementTable label="This article" agreement={a.agreement} names={names} />
              </div>
            ))}
        </div>
      </section>
    </div>
  );
}
