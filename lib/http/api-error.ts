// One error type for everything an API route refuses, mapped to a status and `{ error: { code, message } }`.
import { NextResponse } from "next/server";
import { ZodError } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof ApiError) {
    return NextResponse.json({ error: { code: err.code, message: err.message } }, { status: err.status, headers: err.headers });
  }
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return NextResponse.json({ error: { code: "invalid_request", message } }, { status: 400 });
  }
  // Unexpected: say nothing specific to the client, and log no request content (it may be customer data).
  console.error(`[api] unexpected error: ${(err as Error)?.name ?? "Error"}: ${(err as Error)?.stack?.split("\n")[1]?.trim() ?? ""}`);
  return NextResponse.json({ error: { code: "internal_error", message: "Something went wrong on our side. Try again." } }, { status: 500 });
}

/** Wraps a route handler so every thrown error becomes a JSON error response. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
