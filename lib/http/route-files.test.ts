import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operations, type Method } from "@/lib/api/openapi/operations";
import { PUBLIC_ROUTES } from "@/lib/http/public-routes";
import type { RouteHandler } from "@/lib/http/route";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

const urlPath = (file: string) =>
  `/${path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((part) => !/^\(.*\)$/.test(part))
    .join("/")}`;

describe("route handlers", () => {
  const files = routeFiles(path.join(ROOT, "app"));

  it("are all built with route(), which declares who may call them", async () => {
    expect(files.length).toBeGreaterThan(30);
    const unwrapped: string[] = [];
    const publicFound: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = mod[method] as RouteHandler | undefined;
        if (handler === undefined) continue;
        const name = `${method} ${urlPath(file)}`;
        if (typeof handler !== "function" || !handler.routeSpec) unwrapped.push(name);
        else if (handler.routeSpec.auth === "public") publicFound.push(name);
      }
    }
    expect(unwrapped).toEqual([]);
    expect(publicFound.sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
  });

  it("declare the same callers as the OpenAPI document says (token or session, session only, public)", async () => {
    const asOpenApi = { user: "any", session: "session", public: "public" } as const;
    const mismatches: string[] = [];
    for (const file of files.filter((f) => f.includes(`${path.sep}api${path.sep}v1${path.sep}`))) {
      const mod = (await import(file)) as Record<string, RouteHandler | undefined>;
      const documentedPath = urlPath(file).replace(/\[(\w+)\]/g, "{$1}");
      for (const method of METHODS) {
        const handler = mod[method];
        if (!handler?.routeSpec) continue;
        const documented = operations[documentedPath]?.[method.toLowerCase() as Method]?.auth ?? "any";
        if (asOpenApi[handler.routeSpec.auth] !== documented)
          mismatches.push(`${method} ${documentedPath}: route ${handler.routeSpec.auth}, OpenAPI ${documented}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  // Creates are safe to retry (Idempotency-Key), except those whose answer carries a secret
  // shown once, which is never kept: a new token's secret, a new member's password.
  it("honour Idempotency-Key on every POST that creates (201), as the OpenAPI document says", async () => {
    const SECRET_ONCE = ["POST /api/v1/me/tokens", "POST /api/v1/team/members"];
    const problems: string[] = [];
    for (const file of files.filter((f) => f.includes(`${path.sep}api${path.sep}v1${path.sep}`))) {
      const mod = (await import(file)) as Record<string, RouteHandler | undefined>;
      const documentedPath = urlPath(file).replace(/\[(\w+)\]/g, "{$1}");
      for (const method of METHODS) {
        const handler = mod[method];
        if (!handler?.routeSpec) continue;
        const name = `${method} ${documentedPath}`;
        const op = operations[documentedPath]?.[method.toLowerCase() as Method];
        const idempotent = handler.routeSpec.idempotent === true;
        if (idempotent !== (op?.idempotent === true))
          problems.push(`${name}: route idempotent ${idempotent}, OpenAPI ${op?.idempotent === true}`);
        const creates = method === "POST" && op?.ok.status === 201;
        if (creates && !idempotent && !SECRET_ONCE.includes(name)) problems.push(`${name}: creates but ignores Idempotency-Key`);
      }
    }
    expect(problems).toEqual([]);
  });
});
