import { readFileSync } from "node:fs";
import path from "node:path";
import { normalizeArticleText } from "../lib/anchoring/normalize";

export type SampleArticle = { title: string; standfirst: string; body: string };

/** The fixture keeps the article as shipped: first line the title, then the standfirst, then paragraphs. */
export function readSampleArticle(file = path.join(__dirname, "fixtures", "starmer-us-backstop.txt")): SampleArticle {
  const [title, standfirst, ...paragraphs] = normalizeArticleText(readFileSync(file, "utf8")).split("\n\n");
  if (!title || !standfirst || paragraphs.length === 0) throw new Error(`Sample article ${file} is malformed`);
  return { title, standfirst, body: paragraphs.join("\n\n") };
}
