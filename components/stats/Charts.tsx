"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type MixBar = { key: string; label: string; colour: string; noRating: boolean; count: number };

/**
 * Claims per rating, one horizontal bar each in the team's colour for it (a scale has up to 12 ratings: their labels
 * read on the left instead of crowding under the bars); "no rating" bars are paler and say so in their label.
 */
export function VerdictMixChart({ data }: { data: MixBar[] }) {
  const rows = data.map((d) => ({ ...d, axisLabel: d.noRating ? `${d.label} (no rating)` : d.label }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 30 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid horizontal={false} stroke="#e4e0da" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="axisLabel" width={150} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip />
        <Bar
          dataKey="count"
          name="Claims"
          isAnimationActive={false}
          shape={(props: unknown) => {
            const p = props as { x: number; y: number; width: number; height: number; payload: MixBar };
            return (
              <rect
                x={p.x}
                y={p.y}
                width={p.width}
                height={p.height}
                fill={p.payload.colour}
                fillOpacity={p.payload.noRating ? 0.55 : 1}
                data-rating={p.payload.key}
                rx={2}
              />
            );
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ProgressOverTimeChart({ data }: { data: { day: string; verified: number; proposed: number }[] }) {
  if (data.length === 0) return <p className="text-sm text-muted">No verdicts yet.</p>;
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e4e0da" />
        <XAxis dataKey="day" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="proposed" name="Verdicts proposed" stackId="a" fill="#7c3aed" isAnimationActive={false} />
        <Bar dataKey="verified" name="Signed off" stackId="a" fill="#059669" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
