import { emptyStatusCounts, type StatusCounts, type StatusKey } from "@/lib/claims/verdicts";

export type { StatusCounts };

export function countByStatus(claims: { status: StatusKey }[]): StatusCounts {
  const counts = emptyStatusCounts();
  for (const claim of claims) counts[claim.status] += 1;
  return counts;
}
