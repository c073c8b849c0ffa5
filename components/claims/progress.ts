import { STATUSES, type StatusKey } from "@/lib/claims/verdicts";

export type StatusCounts = Record<StatusKey, number>;

export function countByStatus(claims: { status: StatusKey }[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s.key, 0])) as StatusCounts;
  for (const claim of claims) counts[claim.status] += 1;
  return counts;
}
