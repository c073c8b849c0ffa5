// Small statistics the benches print (one definition instead of one per bench).

/**
 * The median of `xs` as the benches have always taken it: the upper middle value of an even count (no averaging, so
 * the figure is one that was measured). Input: at least one number. Output: that number. Throws nothing (an empty
 * list gives undefined, typed as number).
 */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
