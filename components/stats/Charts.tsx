"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const VERDICT_FILL: Record<string, string> = {
  true: "#16a34a",
  mostly_true: "#65a30d",
  misleading: "#ea580c",
  mostly_false: "#dc2626",
  false: "#991b1b",
  unverifiable: "#a8a29e",
};

export function VerdictMixChart({ data }: { data: { key: string; label: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e4e0da" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar
          dataKey="count"
          name="Claims"
          isAnimationActive={false}
          shape={(props: unknown) => {
            const p = props as { x: number; y: number; width: number; height: number; payload: { key: string } };
            return <rect x={p.x} y={p.y} width={p.width} height={p.height} fill={VERDICT_FILL[p.payload.key] ?? "#1f5f8b"} rx={2} />;
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
