import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { listApiTokens } from "@/lib/api-tokens/list-tokens";
import { TokenManager } from "@/components/account/TokenManager";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requireUser();
  const tokens = await listApiTokens({ userId: user.id });
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
      <p className="mb-6 max-w-3xl text-sm text-muted">
        Personal tokens let your scripts use the Factdesk API (<a className="text-accent hover:underline" href="/api/v1/openapi.json">OpenAPI description</a>) as you:
        they see and change only what you can{user.teamName ? <>, in <strong className="font-medium text-ink">{user.teamName}</strong> unless a request names another of your teams</> : ""}.
        Keep them secret like a password, and revoke any you no longer use.
      </p>
      <TokenManager tokens={tokens} />
    </div>
  );
}
