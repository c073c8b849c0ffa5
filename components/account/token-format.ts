import type { ApiTokenDto } from "@/lib/api-tokens/dto";
import type { TokenExpiry } from "@/lib/validation/api-tokens";

export const EXPIRY_OPTIONS: { value: TokenExpiry; label: string }[] = [
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
  { value: "1y", label: "1 year" },
  { value: "never", label: "Never" },
];

export const SCOPE_LABEL: Record<ApiTokenDto["scope"], string> = { read: "Read only", read_write: "Read and write" };

/** A shell-ready example: list articles, then (write tokens only) comment on a claim. */
export function curlExample(origin: string, secret: string, canWrite: boolean): string {
  const list = `curl -H "Authorization: Bearer ${secret}" \\\n  ${origin}/api/v1/articles`;
  if (!canWrite) return list;
  return `${list}\n\ncurl -X POST -H "Authorization: Bearer ${secret}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"body":"Checked against the ONS release."}' \\\n  ${origin}/api/v1/claims/CLAIM_ID/comments`;
}
