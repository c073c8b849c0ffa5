import { defineConfig } from "prisma/config";

// Prisma 7 keeps connection URLs out of the schema. The CLI reads them here;
// the running app passes DATABASE_URL to the pg driver adapter in lib/db.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
