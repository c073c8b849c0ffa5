import { NextResponse } from "next/server";
import { AppError, toAppError } from "@/lib/http/errors";

export function errorResponse(err: unknown, headers?: HeadersInit): NextResponse {
  const appError: AppError = toAppError(err);
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) } },
    { status: appError.status, headers: { ...appError.headers, ...Object.fromEntries(new Headers(headers)) } },
  );
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Every /api route goes through this so failures answer `{ error: { code, message } }`. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Reads a JSON body, answering 400 rather than throwing a SyntaxError at the caller. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
}
