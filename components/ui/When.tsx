"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A moment in the reader's own time zone ("30 Nov, 14:05"), the zone and full date on hover.
 * The server knows no reader's zone, so it renders UTC and the browser re-renders with its own
 * zone after hydration (useSyncExternalStore's server snapshot keeps hydration consistent).
 */
export function When({ iso }: { iso: string }) {
  const zone = useSyncExternalStore(never, readerZone, () => "UTC");
  const date = new Date(iso);
  const short = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: zone });
  const full = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "long", timeZone: zone });
  return (
    <time dateTime={iso} title={`${full.format(date)} (${zone})`}>
      {short.format(date)}
      {zone === "UTC" ? " UTC" : ""}
    </time>
  );
}
