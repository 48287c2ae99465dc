import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { NextResponse, type NextRequest } from "next/server";
import { createAnalysis, type CreatedAnalysis } from "@/lib/analyses/create-analysis";
import { listAnalyses, listQuerySchema } from "@/lib/analyses/list-analyses";
import { limits, take } from "@/lib/auth/rate-limit";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/analyses – upload a bundle (raw body + X-Filename, or multipart/form-data with a `file` field)
export const POST = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  const wait = take(`upload:${viewer.userId}`, limits.upload());
  if (wait > 0) throw new ApiError(429, "rate_limited", `Too many uploads. Try again in ${wait} s.`, { "Retry-After": String(wait) });
  const owner = { workspaceId: viewer.workspace.id, userId: viewer.userId };
  if (!request.body) throw new ApiError(400, "empty_file", "The request has no body: send the bundle's bytes.");
  const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
  const contentType = request.headers.get("content-type") ?? "";
  const created = contentType.startsWith("multipart/form-data")
    ? await createFromMultipart(body, request.headers, owner)
    : await createAnalysis({
        fileName: request.headers.get("x-filename") ?? request.nextUrl.searchParams.get("filename") ?? "",
        body,
        owner,
      });
  return NextResponse.json(created, { status: 202, headers: { Location: created.url } });
});

// GET /api/analyses – the workspace's analyses, newest first, paginated (?page=1&pageSize=20), with
// search (?q=) and filters (?host= &outcome= &status= &version= &from=YYYY-MM-DD &to=YYYY-MM-DD)
export const GET = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  const params = Object.fromEntries([...request.nextUrl.searchParams].filter(([, v]) => v.trim() !== ""));
  const query = listQuerySchema.parse(params);
  return NextResponse.json(await listAnalyses(viewer.workspace.id, query), { headers: { "Cache-Control": "no-store" } });
});

/** The first `file` part is the bundle; it is streamed like a raw body, other parts are drained. */
function createFromMultipart(body: Readable, headers: Headers, owner: { workspaceId: string; userId: string }): Promise<CreatedAnalysis> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: Object.fromEntries(headers), limits: { files: 1, fields: 20 } });
    } catch {
      reject(new ApiError(400, "invalid_multipart", "The multipart body could not be read."));
      return;
    }
    let started = false;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || started) {
        stream.resume();
        return;
      }
      started = true;
      createAnalysis({ fileName: info.filename ?? "", body: stream, owner }).then(resolve, reject);
    });
    parser.on("error", () => reject(new ApiError(400, "invalid_multipart", "The multipart body could not be read.")));
    parser.on("close", () => {
      if (!started) reject(new ApiError(400, "missing_file", "The multipart body has no `file` field."));
    });
    body.pipe(parser);
  });
}
