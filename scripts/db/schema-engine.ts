// Prisma's schema engine compiled to WebAssembly: migrations without the native binary the
// CLI would download (no network here). The package targets bundlers, so Node wires it up by hand.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { ErrorRegistry, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

declare global {
  // Read by the wasm glue when Rust panics; without it the panic surfaces as
  // "Cannot read properties of undefined (reading 'set_message')".
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    // Resolved from the project root: `require` is missing when Vitest loads this as an ES module.
    const glue = createRequire(path.resolve("package.json")).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const imports: Record<string, unknown> = { ...bindings };
    // The engine arms a 10 s timeout around pg_advisory_lock and never clears it (the glue has
    // no clearTimeout), which would hold every CLI run open for 10 s. Unref'd, it cannot.
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

// One registry for all engines in this process; installed while any is running, then the
// previous one (the Prisma client's, which throws) goes back.
let lastPanic: string | undefined;
const panicRegistry = { set_message: (message: string) => void (lastPanic = message) };
let enginesRunning = 0;
let displacedRegistry: typeof globalThis.PRISMA_WASM_PANIC_REGISTRY;

/**
 * Runs `work` with a fresh engine and frees it afterwards. The caller owns the adapter
 * factory's pool and must end it.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  if (enginesRunning++ === 0) {
    displacedRegistry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
    globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  }
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  let engine: SchemaEngine | undefined;
  try {
    const engineLog = (line: string) => {
      if (process.env.FACTDESK_SCHEMA_ENGINE_DEBUG) console.error("[schema-engine]", line);
    };
    engine = await bindings.SchemaEngine.new({ datamodels: undefined }, engineLog, bound);
    return await work(engine);
  } catch (error) {
    const panic = lastPanic;
    lastPanic = undefined;
    if (panic !== undefined) throw new Error(`Prisma schema engine panicked: ${panic}`);
    throw describeEngineError(error, bound.errorRegistry);
  } finally {
    if (--enginesRunning === 0) globalThis.PRISMA_WASM_PANIC_REGISTRY = displacedRegistry;
    try {
      engine?.free();
    } catch {
      // After a panic the engine stays "borrowed" and cannot be freed; the panic is the news.
    }
  }
}

/**
 * Driver errors come back as "External error id#N" (the real error waits in the registry);
 * engine errors as plain objects ({ message, error_code, … }).
 */
function describeEngineError(error: unknown, registry: ErrorRegistry): Error {
  const message = error instanceof Error ? error.message : undefined;
  const externalId = message?.match(/External error id#(\d+)/)?.[1];
  const external = externalId === undefined ? undefined : registry.consumeError(Number(externalId))?.error;
  if (external instanceof Error) return external;
  if (error instanceof Error) return error;
  if (typeof error === "object" && error !== null && "message" in error) {
    const { message: text, error_code: code } = error as { message: unknown; error_code?: unknown };
    return new Error(code ? `${String(code)}: ${String(text)}` : String(text), { cause: error });
  }
  return new Error(`Prisma schema engine failed: ${JSON.stringify(error)}`);
}

const OFFLINE = "diff needs no database; the offline adapter only answers the engine's startup probe";

/**
 * SchemaEngine.new insists on an adapter and probes the server version through it before doing
 * anything. A schema-to-schema diff never touches the database, so this adapter answers that
 * probe alone and fails everything else loudly (so a diff can never quietly run against a database).
 */
export function offlinePostgresAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "factdesk-offline-diff",
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    queryRaw: async (query: SqlQuery) => {
      if (!query.sql.includes("server_version_num")) throw new Error(`${OFFLINE}: ${query.sql}`);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        // Claim the oldest server we deploy to (Debian 12's PostgreSQL 15), never newer features.
        rows: [[true, "PostgreSQL 15.0 (factdesk offline diff)", 150000]],
      };
    },
    executeRaw: (query: SqlQuery) => Promise.reject(new Error(`${OFFLINE}: ${query.sql}`)),
    executeScript: () => Promise.reject(new Error(OFFLINE)),
    startTransaction: () => Promise.reject(new Error(OFFLINE)),
    dispose: () => Promise.resolve(),
  };
  return {
    provider: "postgres",
    adapterName: "factdesk-offline-diff",
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: () => Promise.reject(new Error(OFFLINE)),
  };
}
