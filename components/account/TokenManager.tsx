"use client";

import { useRouter } from "next/navigation";
import { When } from "@/components/ui/When";
import { Fragment, useState, type FormEvent } from "react";
import type { ApiTokenDto } from "@/lib/api-tokens/dto";
import type { TokenExpiry } from "@/lib/validation/api-tokens";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/tokens";
import { formatDate } from "@/components/articles/format";
import { NewTokenSecret } from "@/components/account/NewTokenSecret";
import { EXPIRY_OPTIONS, SCOPE_LABEL } from "@/components/account/token-format";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, quietButtonClass, sectionTitleClass } from "@/components/ui/styles";

type Scope = ApiTokenDto["scope"];
const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50";
const STATUS_CLASS: Record<ApiTokenDto["status"], string> = {
  active: "bg-emerald-50 text-emerald-800 border-emerald-200",
  expired: "bg-stone-100 text-stone-600 border-stone-200",
  revoked: "bg-red-50 text-red-800 border-red-200",
};

/** Lists the user's tokens, creates new ones (secret shown once) and revokes with a confirmation. */
export function TokenManager({ tokens }: { tokens: ApiTokenDto[] }) {
  const router = useRouter();
  const create = useAction();
  const revoke = useAction();
  const [form, setForm] = useState<{ name: string; scope: Scope; expiresIn: TokenExpiry }>({ name: "", scope: "read", expiresIn: "90d" });
  const [fresh, setFresh] = useState<{ name: string; secret: string; canWrite: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    const created = await create.run(() => createTokenAction(form));
    if (!created) return;
    setFresh({ name: created.token.name, secret: created.secret, canWrite: created.token.scope === "read_write" });
    setForm({ name: "", scope: "read", expiresIn: "90d" });
    router.refresh();
  }

  async function onRevoke(tokenId: string) {
    if (await revoke.run(() => revokeTokenAction({ tokenId }))) {
      setConfirming(null);
      router.refresh();
    }
  }

  return (
    <div className="space-y-8">
      {fresh && <NewTokenSecret {...fresh} onDone={() => setFresh(null)} />}

      <form onSubmit={onCreate} aria-label="Create a token" className="rounded-lg border border-rule bg-white p-4">
        <h2 className={sectionTitleClass}>Create a token</h2>
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
          <label className="text-sm">
            <span className="mb-1 block text-xs text-muted">Name</span>
            <input
              dir="auto"
              className={inputClass}
              value={form.name}
              maxLength={80}
              placeholder="e.g. Nightly CSV export"
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </label>
          <label className="text-sm">
            <span className="mb-1 block text-xs text-muted">Access</span>
            <select className={inputClass} value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value as Scope })}>
              <option value="read">{SCOPE_LABEL.read}</option>
              <option value="read_write">{SCOPE_LABEL.read_write}</option>
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block text-xs text-muted">Expires after</span>
            <select
              className={inputClass}
              value={form.expiresIn}
              onChange={(e) => setForm({ ...form, expiresIn: e.target.value as TokenExpiry })}
            >
              {EXPIRY_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass} disabled={create.pending}>
            {create.pending ? "Creating…" : "Create token"}
          </button>
        </div>
        <p className="mt-2 text-xs text-muted">
          A token can do what your role allows in your teams; a read-only token can only read. Tokens cannot create other tokens.
        </p>
        <FormError message={create.error} />
      </form>

      <section aria-label="Your tokens">
        <h2 className={sectionTitleClass}>Your tokens</h2>
        <FormError message={revoke.error} />
        {tokens.length === 0 ? (
          <p className="rounded-lg border border-dashed border-rule bg-white p-6 text-center text-sm text-muted">
            You have no API tokens yet.
          </p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-rule bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-rule bg-stone-50 text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th className="px-4 py-3">Name</th>
                  <th className="px-4 py-3">Token</th>
                  <th className="px-4 py-3">Access</th>
                  <th className="px-4 py-3">Created</th>
                  <th className="px-4 py-3">Last used</th>
                  <th className="px-4 py-3">Expires</th>
                  <th className="px-4 py-3">Status</th>
                  <th className="px-4 py-3">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <Fragment key={t.id}>
                    <tr
                      className={`border-b border-rule ${confirming === t.id ? "bg-red-50/40" : "last:border-0"}`}
                      data-testid={`token-${t.name}`}
                    >
                      <td className="px-4 py-3 font-medium">{t.name}</td>
                      <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-muted">{t.prefix}…</td>
                      <td className="px-4 py-3 whitespace-nowrap">{SCOPE_LABEL[t.scope]}</td>
                      <td className="px-4 py-3 whitespace-nowrap">{formatDate(t.createdAt)}</td>
                      <td className="px-4 py-3 whitespace-nowrap text-muted">{t.lastUsedAt ? <When iso={t.lastUsedAt} /> : "Never"}</td>
                      <td className="px-4 py-3 whitespace-nowrap">{t.expiresAt ? formatDate(t.expiresAt) : "Never"}</td>
                      <td className="px-4 py-3">
                        <span className={`rounded-full border px-2 py-0.5 text-xs ${STATUS_CLASS[t.status]}`}>{t.status}</span>
                      </td>
                      <td className="px-4 py-3 text-right">
                        {t.status !== "revoked" && confirming !== t.id && (
                          <button
                            type="button"
                            className={linkButtonClass}
                            onClick={() => setConfirming(t.id)}
                            aria-label={`Revoke ${t.name}`}
                          >
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                    {confirming === t.id && (
                      <tr className="border-b border-rule bg-red-50/40 last:border-0" data-testid={`revoke-${t.name}`}>
                        <td colSpan={8} className="px-4 pb-3">
                          <div className="flex flex-wrap items-center justify-end gap-3 text-sm">
                            <span>Revoke “{t.name}”? Scripts using it stop working at once; this cannot be undone.</span>
                            <button type="button" className={quietButtonClass} onClick={() => setConfirming(null)}>
                              Cancel
                            </button>
                            <button type="button" className={dangerButtonClass} disabled={revoke.pending} onClick={() => onRevoke(t.id)}>
                              {revoke.pending ? "Revoking…" : "Yes, revoke"}
                            </button>
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
