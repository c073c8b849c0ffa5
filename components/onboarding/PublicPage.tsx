import type { ReactNode } from "react";

/**
 * The frame of the pages people reach without signing in (sign-in, setup, invitation, password reset);
 * `backToSignIn` adds a way back to the sign-in page under the form.
 */
export function PublicPage({
  title,
  intro,
  children,
  backToSignIn = false,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  backToSignIn?: boolean;
}) {
  return (
    <main className="grid min-h-screen place-items-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <span
            aria-hidden
            className="mx-auto mb-3 grid h-10 w-10 place-items-center rounded-md bg-accent text-lg font-semibold text-white"
          >
            F
          </span>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {intro && <p className="mt-1 text-sm text-muted">{intro}</p>}
        </div>
        {children}
        {backToSignIn && (
          <p className="mt-4 text-center text-sm">
            <a className="text-accent underline-offset-2 hover:underline" href="/signin">
              Back to sign in
            </a>
          </p>
        )}
      </div>
    </main>
  );
}

/** What a public page shows for a link that no longer works (used, expired, revoked, or never valid). */
export function DeadLink({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-sm">
      <p>{message}</p>
      <p className="mt-3">
        <a className="font-medium text-accent underline" href="/signin">
          Go to sign in
        </a>
      </p>
    </div>
  );
}
