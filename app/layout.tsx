import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Hydrated } from "@/components/layout/Hydrated";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Factdesk", template: "%s · Factdesk" },
  description: "Fact-check annotation for newsroom desks",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so its scripts carry that response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <Hydrated />
      </body>
    </html>
  );
}
