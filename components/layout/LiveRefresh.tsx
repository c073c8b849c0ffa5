"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page from the server whenever something changes in the user's teams. */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    let timer: number | undefined;
    const source = new EventSource("/api/v1/me/events");
    source.addEventListener("change", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => router.refresh(), 150);
    });
    return () => {
      window.clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return null;
}
