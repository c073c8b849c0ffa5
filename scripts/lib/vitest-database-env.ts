/**
 * Environment variable holding the Vitest workers' database URLs as a JSON array (set by `npm test`,
 * read by scripts/lib/vitest-setup.ts). Its own module so the setup file does not load the PostgreSQL launcher.
 */
export const WORKER_DATABASES_ENV = "FACTDESK_VITEST_DATABASE_URLS";
