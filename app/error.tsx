"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-muted">
        Factdesk could not load this page. If the database is restarting this clears by itself; nothing you saved is lost.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
