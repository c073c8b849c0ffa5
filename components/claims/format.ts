const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function formatWhen(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}
