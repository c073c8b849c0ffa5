import type { Metadata } from "next";
import { DeadLink, PublicPage } from "@/components/onboarding/PublicPage";
import { PublicForm } from "@/components/onboarding/PublicForm";
import { RESET_REFUSED, resetLinkIsLive } from "@/lib/onboarding/password-reset";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string }> };

/** A reset link from "Forgot password": the account's address and a new password. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token = "" } = await searchParams;
  const live = await resetLinkIsLive(token);
  return (
    <PublicPage backToSignIn={live} title="Choose a new password">
      {live ? (
        <PublicForm
          endpoint="/api/password-reset/complete"
          extra={{ token }}
          fields={[
            { name: "email", label: "Your email", type: "email", autoComplete: "username" },
            { name: "password", label: "New password", type: "password", autoComplete: "new-password", hint: "At least 12 characters." },
          ]}
          submitLabel="Set new password"
          pendingLabel="Saving…"
          done={
            <p>
              Your password is changed and you are signed out everywhere.{" "}
              <a className="font-medium text-accent underline" href="/signin">
                Sign in
              </a>{" "}
              with the new one.
            </p>
          }
        />
      ) : (
        <DeadLink message={RESET_REFUSED} />
      )}
    </PublicPage>
  );
}
