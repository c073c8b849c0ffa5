// Shared class lists so every form control looks and focuses the same way.
export const inputClass =
  "block w-full rounded-md border border-rule bg-white px-2.5 py-1.5 text-sm text-ink placeholder:text-stone-400 focus:border-accent disabled:bg-stone-100";
export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-strong disabled:cursor-not-allowed disabled:opacity-50";
export const quietButtonClass =
  "inline-flex items-center justify-center rounded-md border border-rule bg-white px-3 py-1.5 text-sm text-ink hover:border-accent hover:text-accent disabled:cursor-not-allowed disabled:opacity-50";
export const linkButtonClass = "text-xs text-muted underline-offset-2 hover:text-accent hover:underline";
export const sectionTitleClass = "mb-2 text-xs font-semibold uppercase tracking-wide text-muted";
