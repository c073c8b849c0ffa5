// Verdict chip colours: the same fills as the article highlights (app/globals.css .hl[data-verdict]),
// with a darker text and ring so the label reads on its own.
const CHIP: Record<string, string> = {
  true: "bg-[#bbf7d0] text-green-950 ring-green-700/30",
  mostly_true: "bg-[#d9f99d] text-lime-950 ring-lime-700/30",
  misleading: "bg-[#fed7aa] text-orange-950 ring-orange-700/30",
  mostly_false: "bg-[#fecaca] text-red-950 ring-red-700/30",
  false: "bg-[#fca5a5] text-red-950 ring-red-800/40",
  unverifiable: "bg-[#e7e5e4] text-stone-800 ring-stone-500/30",
};

export function verdictChipClass(key: string | null): string {
  return `inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide ring-1 ring-inset ${CHIP[key ?? ""] ?? CHIP.unverifiable}`;
}
