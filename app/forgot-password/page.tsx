import type { Metadata } from "next";
import { PublicPage } from "@/components/onboarding/PublicPage";
import { PublicForm } from "@/components/onboarding/PublicForm";
import { mailConfigured } from "@/lib/mail/config";

export const metadata: Metadata = { title: "Forgot password" };
export const dynamic = "force-dynamic";

/** "Forgot password": asks for the address; the answer never says whether it has an account. */
export default function ForgotPasswordPage() {
  if (!mailConfigured()) {
    return (
      <PublicPage backToSignIn title="Forgot password">
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-sm">
          This Factdesk does not send email (SMTP is not configured), so it cannot mail you a reset link. Ask an admin of your team to reset
          your password on the Team page.
        </div>
      </PublicPage>
    );
  }
  return (
    <PublicPage backToSignIn title="Forgot password" intro="We will email you a link to choose a new password.">
      <PublicForm
        endpoint="/api/password-reset"
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "username" }]}
        submitLabel="Email me a reset link"
        pendingLabel="Sending…"
        done={<p>If that address has an account, a reset link is on its way. It works once, for 30 minutes.</p>}
      />
    </PublicPage>
  );
}
