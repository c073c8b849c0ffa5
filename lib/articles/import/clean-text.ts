// What an import drops from any text it reads, whatever the format (pasted, HTML, Markdown, PDF).

// Control characters other than whitespace are never text, and Markdown turns NUL into U+FFFD,
// which would make a saved body differ from what the editor showed.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
// Half of a surrogate pair is not a character; it cannot be encoded as UTF-8 either.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` without control characters other than whitespace (NUL among them: PostgreSQL cannot store it), and with
 * each lone surrogate replaced by U+FFFD. Input and output: strings. Pure; throws nothing.
 */
export function cleanImportedText(text: string): string {
  return text.replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}
