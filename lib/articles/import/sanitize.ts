// Two allowlists for sanitize-html. Both drop every element that can run code or load
// something (script, style, iframe, svg, math, object, embed…) together with its content,
// every event handler and style attribute, and every link that is not http(s) or mailto.
import sanitizeHtml from "sanitize-html";

/** Elements dropped with everything inside them: their text is never article text (walk.ts skips them too). */
export const DROP_WITH_CONTENT = [
  "script",
  "style",
  "template",
  "noscript",
  "svg",
  "math",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "canvas",
  "audio",
  "video",
  "textarea",
  "option",
  "select",
  "button",
  "noembed",
  "noframes",
  "xmp",
  "title",
  "plaintext",
];

const STRUCTURE = [
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "a",
  "br",
  "hr",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "figure",
  "figcaption",
  "pre",
  "code",
  "em",
  "strong",
  "b",
  "i",
  "u",
  "s",
  "sub",
  "sup",
  "small",
  "span",
  "mark",
  "q",
  "cite",
  "abbr",
  "time",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "caption",
  "dl",
  "dt",
  "dd",
  "address",
  "details",
  "summary",
];

const common = {
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROP_WITH_CONTENT,
  allowVulnerableTags: false,
} satisfies sanitizeHtml.IOptions;

/**
 * Before article extraction: the page's structure plus what Readability needs to find the
 * article and its metadata (head, title, meta content, class and id names). Drops scripts, styles, embeds
 * and similar elements with their content, every event handler and style attribute, and links that are not
 * http(s) or mailto. Returns HTML text; never throws.
 */
export function sanitizeForExtraction(html: string): string {
  return sanitizeHtml(html, {
    ...common,
    allowedTags: ["html", "head", "body", "title", "meta", "nav", ...STRUCTURE],
    allowedAttributes: {
      a: ["href"],
      ol: ["start"],
      meta: ["name", "property", "content", "itemprop"],
      time: ["datetime"],
      "*": ["class", "id"],
    },
  });
}

/**
 * The strict pass over the extracted article: structure elements, a[href] (http, https, mailto) and ol[start] only,
 * everything else dropped (dangerous elements with their content). Returns HTML text; never throws.
 */
export function sanitizeArticle(html: string): string {
  return sanitizeHtml(html, { ...common, allowedTags: STRUCTURE, allowedAttributes: { a: ["href"], ol: ["start"] } });
}
