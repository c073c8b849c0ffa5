import "@/lib/validation/zod-config";
import { z } from "zod";
import { text } from "@/lib/validation/fields";

/** Results per page of a search. */
export const SEARCH_PAGE_SIZE = 20;
/** Deepest page a search serves: ranked results past it are not worth reading; narrow the query instead. */
export const SEARCH_MAX_PAGE = 50;

export const SEARCH_KINDS = ["article", "claim", "comment", "evidence"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * A search of the active team's work: `q` in web-search syntax (words, "quoted phrases", -excluded,
 * `or`), an optional `kind` to search only one kind of thing, and a 1-based `page`.
 */
export const ZSearch = z.object({
  q: text({
    min: 1,
    max: 200,
    required: "Type something to search for.",
    tooShort: "Type something to search for.",
    tooLong: "Keep the search under 200 characters.",
  }),
  kind: z.enum(SEARCH_KINDS, { message: "Choose article, claim, comment or evidence." }).optional(),
  page: z.coerce
    .number({ message: "The page is a whole number." })
    .int("The page is a whole number.")
    .min(1, "Pages start at 1.")
    .max(SEARCH_MAX_PAGE, `Search shows at most ${SEARCH_MAX_PAGE} pages; narrow the query.`)
    .default(1),
});
export type TSearch = z.infer<typeof ZSearch>;
