import type { AgreementFigures } from "@/lib/reports/desk-stats";

const fmt = (value: number | null) => (value === null ? "—" : value.toFixed(2));

type Props = { label: string; agreement: AgreementFigures; names: Record<string, string> };

export function AgreementTable({ label, agreement, names }: Props) {
  if (agreement.items === 0) return <p className="text-sm text-muted">{label}: no claims with two independent verdicts yet.</p>;
  return (
    <table className="mt-1 w-full text-left text-sm" data-testid="agreement-table">
      <caption className="sr-only">{label}</caption>
      <thead className="text-xs text-muted">
        <tr>
          <th className="py-1 font-normal">{label}</th>
          <th className="py-1 font-normal">Figure</th>
          <th className="py-1 font-normal">Claims behind it</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="py-1">Krippendorff&apos;s α (ordinal)</td>
          <td className="py-1 tabular-nums">{fmt(agreement.ordinal.alpha)}</td>
          <td className="py-1 tabular-nums">{agreement.ordinal.units}</td>
        </tr>
        <tr>
          <td className="py-1">Krippendorff&apos;s α (nominal, incl. Unverifiable)</td>
          <td className="py-1 tabular-nums">{fmt(agreement.nominal.alpha)}</td>
          <td className="py-1 tabular-nums">{agreement.nominal.units}</td>
        </tr>
        {agreement.pairs.map((p) => (
          <tr key={`${p.reviewerA}-${p.reviewerB}`}>
            <td className="py-1">
              Cohen&apos;s κ: {names[p.reviewerA] ?? "former member"} &amp; {names[p.reviewerB] ?? "former member"}
            </td>
            <td className="py-1 tabular-nums">{fmt(p.kappa)}</td>
            <td className="py-1 tabular-nums">{p.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
