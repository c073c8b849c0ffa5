import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeCallbackPath } from "@/lib/http/safe-callback";
import { SsoButton } from "@/components/auth/SsoButton";
import { signInErrorMessage } from "@/lib/sso/sign-in-errors";
import { ssoSettings } from "@/lib/sso/config";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  const session = await getServerSession(authOptions).catch(() => null);
  if (session?.user?.id) redirect(target);
  const sso = ssoSettings();
  return (
    <main className="grid min-h-screen place-items-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span
            aria-hidden
            className="mx-auto mb-3 grid h-10 w-10 place-items-center rounded-md bg-accent text-lg font-semibold text-white"
          >
            F
          </span>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Factdesk</h1>
          <p className="mt-1 text-sm text-muted">Fact-check annotation for your desk</p>
        </div>
        <SignInForm callbackPath={target} initialError={signInErrorMessage(error)} />
        {sso && <SsoButton name={sso.name} callbackPath={target} />}
        <p className="mt-4 text-center text-sm">
          <a className="text-muted underline-offset-2 hover:text-accent hover:underline" href="/forgot-password">
            Forgot password?
          </a>
        </p>
      </div>
    </main>
  );
}
