import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import type { OpenAPIV3_1 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const API_DIR = path.join(ROOT, "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route file under app/api/v1 as "METHOD /api/v1/path/{param}". */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const urlPath = `/${path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        for (const method of METHODS) {
          if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source)) found.push(`${method} ${urlPath}`);
        }
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters: { name: string; in: string }[];
        responses: Record<string, unknown>;
        security: Record<string, unknown>[];
      }
    >
  >;
  components: Record<string, Record<string, unknown>>;
};
const doc = buildOpenApiDocument() as unknown as Doc;

function documented(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
}

describe("the OpenAPI document", () => {
  it("describes exactly the routes under app/api/v1, method by method", () => {
    const disk = routesOnDisk();
    expect(disk.length).toBeGreaterThan(30);
    const missing = disk.filter((r) => !documented().includes(r));
    const extra = documented().filter((r) => !disk.includes(r));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("is OpenAPI 3.1 and every $ref points at something that exists", () => {
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    const refs: string[] = [];
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          if (key === "$ref" && typeof inner === "string") refs.push(inner);
          else collect(inner);
        }
      }
    };
    collect(doc);
    expect(refs.length).toBeGreaterThan(50);
    for (const target of new Set(refs)) {
      const [hash, ...parts] = target.split("/");
      expect(hash, target).toBe("#");
      let node: unknown = doc;
      for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
      expect(node, `${target} does not resolve`).toBeTypeOf("object");
    }
  });

  it("passes a full OpenAPI 3.1 validation (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(doc) as unknown as OpenAPIV3_1.Document);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.warnings).toEqual([]);
  });

  it("declares every path parameter, uses unique operation ids and known security schemes", () => {
    const ids = new Set<string>();
    const schemes = Object.keys(doc.components.securitySchemes!);
    for (const [p, item] of Object.entries(doc.paths)) {
      const inPath = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        const declared = op.parameters
          .filter((x) => x.in === "path")
          .map((x) => x.name)
          .sort();
        expect(declared, `${method} ${p}`).toEqual(inPath);
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        for (const requirement of op.security) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
      }
    }
  });

  it("generates request bodies from the zod schemas the routes parse with, without the URL's fields", () => {
    const body = (p: string, m: string) =>
      (
        doc.paths[p]![m] as unknown as {
          requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
        }
      ).requestBody.content["application/json"]!.schema;
    const verdict = body("/api/v1/claims/{id}/verdict", "put");
    expect(Object.keys(verdict.properties).sort()).toEqual(["explanation", "verdict", "version"]);
    expect(verdict.required).toEqual(["verdict", "explanation"]);
    expect(body("/api/v1/me/tokens", "post").properties.expiresIn).toMatchObject({
      enum: ["7d", "30d", "90d", "1y", "never"],
      default: "90d",
    });
    expect(body("/api/v1/claims/{id}/evidence", "post").properties.retrievedAt).toEqual({ type: "string", format: "date" });
    expect(body("/api/v1/claims/{id}/assignees", "put").properties.dueAt).toMatchObject({
      anyOf: [{ type: "string", format: "date" }, { type: "null" }],
    });
  });

  it("documents verdict.checkedBy and verdict.via where they are sent: every answer that carries a claim", () => {
    const schemas = doc.components.schemas as Record<string, { allOf?: Record<string, unknown>[] }>;
    expect(schemas.CheckedVerdict!.allOf![1]).toMatchObject({
      properties: { checkedBy: { type: "array" }, via: { enum: ["written", "agreed", "settled", "imported", null] } },
      required: ["checkedBy", "via"],
    });
    expect(schemas.ClaimDetail!.allOf![0]).toEqual({ $ref: "#/components/schemas/CheckedClaim" });
    const list = JSON.stringify(doc.paths["/api/v1/articles/{id}/claims"]!.get!.responses["200"]);
    expect(list).toContain("#/components/schemas/CheckedClaim");
    // Every answer that carries a claim carries it with them (a write's answer too), so none refers to Claim itself.
    expect(JSON.stringify(doc.paths)).not.toContain('"#/components/schemas/Claim"');
    const status = JSON.stringify(doc.paths["/api/v1/claims/{id}/status"]!.put!.responses["200"]);
    expect(status).toContain("#/components/schemas/CheckedClaim");
  });

  it("marks token management as session-only and the document itself as public", () => {
    expect(doc.paths["/api/v1/me/tokens"]!.post!.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths["/api/v1/openapi.json"]!.get!.security).toEqual([]);
    expect(doc.paths["/api/v1/articles/{id}/claims"]!.post!.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(Object.keys(doc.paths["/api/v1/articles/{id}/claims"]!.post!.responses).sort()).toEqual([
      "201",
      "400",
      "401",
      "403",
      "404",
      "409",
      "413",
      "422",
      "429",
    ]);
  });

  it("documents Idempotency-Key on the creates that honour it, and Idempotent-Replayed on their answers", () => {
    const op = doc.paths["/api/v1/articles/{id}/claims"]!.post!;
    expect(op.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect((op.responses["201"] as { headers?: Record<string, unknown> }).headers).toHaveProperty("Idempotent-Replayed");
    expect(doc.components.parameters!.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header", required: false });
    expect(doc.paths["/api/v1/me/tokens"]!.post!.parameters).not.toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
  });

  it("documents ETag, If-None-Match and the 304 answer on every GET that answers JSON, and on no other", () => {
    // lib/http/conditional.ts tags every 200 JSON answer of a GET (route()) and answers a matching If-None-Match with
    // 304; stop 27 found the document said nothing of either.
    const problems: string[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const ok = op.responses["200"] as { headers?: Record<string, unknown>; content?: Record<string, unknown> } | undefined;
        const json = method === "get" && ok !== undefined && Object.keys(ok.content ?? {}).every((type) => type === "application/json");
        const name = `${method.toUpperCase()} ${p}`;
        const tagged = ok?.headers?.ETag !== undefined;
        const notModified = op.responses["304"] !== undefined;
        const conditional = op.parameters.some((param) => "$ref" in param && param.$ref === "#/components/parameters/IfNoneMatch");
        if (json && !(tagged && notModified && conditional))
          problems.push(`${name}: ETag ${tagged}, 304 ${notModified}, If-None-Match ${conditional}`);
        if (!json && (tagged || notModified || conditional)) problems.push(`${name} answers no tagged JSON but documents it`);
      }
    }
    expect(problems).toEqual([]);
    expect(doc.components.parameters!.IfNoneMatch).toMatchObject({ name: "If-None-Match", in: "header", required: false });
    const articles = doc.paths["/api/v1/articles"]!.get!.responses;
    expect(articles["304"]).toMatchObject({ headers: { ETag: expect.anything() } });
    expect(articles["304"]).not.toHaveProperty("content");
  });

  it("has every GET documented as tagged JSON answer through jsonResponse, which conditionalAnswer can tag", () => {
    // NextResponse.json and Response.json keep no bytes for conditionalAnswer: such an answer goes out untagged.
    const untaggable: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") {
          const urlPath = `/${path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
          const tagged = (doc.paths[urlPath]?.get?.responses["200"] as { headers?: Record<string, unknown> } | undefined)?.headers?.ETag;
          if (tagged && /\b(NextResponse|Response)\.json\(/.test(readFileSync(full, "utf8"))) untaggable.push(`GET ${urlPath}`);
        }
      }
    };
    walk(API_DIR);
    expect(untaggable).toEqual([]);
  });
});
