// Fits the learned claim scorer on every labelled tuning article and writes lib/suggestions/claim-scorer.json.
//   npx tsx bench/train-suggestions.ts      (or: npm run train:suggestions)
// Candidates are the clauses suggestClaims considers; labels come from the bench's matching rule
// (bench/claim-scorer-fit.ts). The combination with the rules is chosen by leave-one-round-out inside the data; the
// weights are then fitted on all of it. Seeded and rounded: re-running reproduces the file byte for byte. Never reads
// the fresh round (bench/labels/eval8*). The honest figures for this procedure: npx tsx bench/suggestions.ts --cross-validate.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { prepare, trainClaimScorer } from "./claim-scorer-fit";
import { loadArticles } from "./labelled-articles";

const OUT = path.join(__dirname, "..", "lib", "suggestions", "claim-scorer.json");

async function main() {
  const articles = loadArticles({ tuningOnly: true }).map(prepare);
  const clauses = articles.reduce((n, a) => n + a.clauses.length, 0);
  const positives = articles.reduce((n, a) => n + a.clauses.filter((c) => a.positive.get(c)).length, 0);
  const model = trainClaimScorer(articles);
  const json = JSON.stringify(
    {
      about: `Learned claim scorer (lib/suggestions/learned.ts), written by bench/train-suggestions.ts from ${articles.length} labelled articles, ${clauses} clauses (${positives} positive). Do not edit by hand.`,
      combination: model.combination,
      bias: model.bias,
      features: model.features,
      weights: model.weights,
    },
    null,
    0,
  );
  // Formatted as the repository's prettier would, so `prettier --check` passes on the generated file.
  writeFileSync(OUT, await format(json, { ...(await resolveConfig(OUT)), filepath: OUT }));
  console.log(
    `${articles.length} articles, ${clauses} clauses (${positives} positive); ${model.features.length} features; combination ${JSON.stringify(model.combination)}; ${json.length} bytes → ${path.relative(process.cwd(), OUT)}`,
  );
}

void main();
