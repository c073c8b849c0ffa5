// `npm run build`: the Prisma client (lib/generated), then `next build`, stamped with the sources it
// was made from so that `npm start` serves it instead of building again (scripts/lib/build.ts).
import { generateClient } from "./generate";
import { buildApp } from "./lib/build";

async function main() {
  await generateClient();
  await buildApp({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}

main().catch((err: unknown) => {
  console.error(`[build] FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
