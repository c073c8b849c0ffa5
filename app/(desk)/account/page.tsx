import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth";
import { listApiTokens } from "@/lib/api-tokens/list-tokens";
import { listMySessions } from "@/lib/sessions/sessions";
import { twoFactorStatus } from "@/lib/two-factor/enrolment";
import { PasswordForm } from "@/components/account/PasswordForm";
import { SessionList } from "@/components/account/SessionList";
import { TokenManager } from "@/components/account/TokenManager";
import { TwoFactorSection } from "@/components/account/TwoFactorSection";
import { NotificationSettings } from "@/components/account/NotificationSettings";
import { mailConfigured } from "@/lib/mail/config";
import { ssoConfigured } from "@/lib/sso/config";
import { getNotificationSettings } from "@/lib/users/notifications";

export const metadata: Metadata = { title: "Account" };

const SECTIONS = [
  { id: "password", title: "Password" },
  { id: "two-factor", title: "Two-factor authentication" },
  { id: "notices", title: "Notifications" },
  { id: "sessions", title: "Sessions" },
  { id: "tokens", title: "API tokens" },
] as const;

/** One section of the page; `card` puts its content on a white panel (lists bring their own). */
function Section({
  id,
  intro,
  card = true,
  children,
}: {
  id: (typeof SECTIONS)[number]["id"];
  intro?: ReactNode;
  card?: boolean;
  children: ReactNode;
}) {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20">
      <h2 id={`${id}-title`} className={`text-lg font-semibold tracking-tight ${intro ? "" : "mb-2"}`}>
        {title}
      </h2>
      {intro && <p className="mb-3 max-w-3xl text-sm text-muted">{intro}</p>}
      {card ? <div className="rounded-lg border border-rule bg-white p-4">{children}</div> : children}
    </section>
  );
}

export default async function AccountPage() {
  const user = await requireUser();
  const [twoFactor, sessions, tokens, notices] = await Promise.all([
    twoFactorStatus({ userId: user.id }),
    listMySessions({ userId: user.id, currentId: user.sessionId }),
    listApiTokens({ userId: user.id }),
    getNotificationSettings({ userId: user.id }),
  ]);
  return (
    <div className="mx-auto max-w-5xl lg:grid lg:grid-cols-[11rem_1fr] lg:gap-10">
      <nav aria-label="Account sections" className="mb-6 lg:sticky lg:top-20 lg:mb-0 lg:self-start">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm lg:flex-col lg:gap-2">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-muted hover:text-accent">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 space-y-10">
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
          <p className="text-sm text-muted">
            {user.name} · {user.email}
          </p>
        </header>
        {user.mustEnrolTwoFactor && (
          <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="two-factor-required">
            <strong className="font-medium">Your team requires two-factor authentication for admins and editors.</strong> Set it up below to
            go on working; until then Factdesk shows only this page and refuses changes.
          </p>
        )}
        <Section
          id="password"
          intro={
            ssoConfigured()
              ? "Joined through single sign-on? Factdesk never gave you a password: sign in with single sign-on, or set one with “Forgot password” on the sign-in page."
              : undefined
          }
        >
          <PasswordForm />
        </Section>
        <Section id="two-factor">
          <TwoFactorSection status={twoFactor} />
        </Section>
        <Section id="notices">
          <NotificationSettings initial={notices} mailOn={mailConfigured()} />
        </Section>
        <Section id="sessions" card={false} intro="Where you are signed in. Sign out any you do not recognise, then change your password.">
          <SessionList sessions={sessions} />
        </Section>
        <Section
          id="tokens"
          card={false}
          intro={
            <>
              Personal tokens let your scripts use the Factdesk API (
              <a className="text-accent underline underline-offset-2" href="/api/v1/openapi.json">
                OpenAPI description
              </a>
              ) as you: they see and change only what you can
              {user.teamName ? (
                <>
                  , in <strong className="font-medium text-ink">{user.teamName}</strong> unless a request names another of your teams
                </>
              ) : (
                ""
              )}
              . Keep them secret like a password, and revoke any you no longer use.
            </>
          }
        >
          <TokenManager tokens={tokens} />
        </Section>
      </div>
    </div>
  );
}
