import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { NextResponse, type NextRequest } from "next/server";
import { createAnalysis, type CreatedAnalysis } from "@/lib/analyses/create-analysis";
import { caseNotFound, findCaseForViewer } from "@/lib/access/case-access";
import { addToCase, type AddedToCase } from "@/lib/cases/add-to-case";
import { caseUrl } from "@/lib/cases/case-url";
import { createCase } from "@/lib/cases/create-case";
import { deleteCase } from "@/lib/cases/delete-case";
import { deleteAnalysis } from "@/lib/analyses/delete-analysis";
import { getServices } from "@/lib/platform/services";
import { listAnalyses, listQuerySchema } from "@/lib/analyses/list-analyses";
import { limits, take } from "@/lib/auth/rate-limit";
import { requireViewer } from "@/lib/auth/viewer";
import { ApiError, handle } from "@/lib/http/api-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/analyses – upload a bundle (raw body + X-Filename, or multipart/form-data with a `file` field);
// several `file` parts make a case, ?case=<caseId> adds the upload(s) to an existing one, and
// ?split=peers makes a case of one upload (an archive holding one folder per peer: one analysis per peer)
export const POST = handle(async (request: NextRequest) => {
  const viewer = await requireViewer(request);
  const wait = take(`upload:${viewer.userId}`, limits.upload());
  if (wait > 0) throw new ApiError(429, "rate_limited", `Too many uploads. Try again in ${wait} s.`, { "Retry-After": String(wait) });
  let owner = { workspaceId: viewer.workspace.id, userId: viewer.userId };
  const caseParam = request.nextUrl.searchParams.get("case");
  const existingCase = caseParam ? await findCaseForViewer(caseParam, viewer) : null;
  if (caseParam && !existingCase) throw caseNotFound();
  // An upload into a case belongs to the case's workspace (the viewer is a member: the scope said so).
  if (existingCase) owner = { workspaceId: existingCase.workspaceId, userId: viewer.userId };
  if (!request.body) throw new ApiError(400, "empty_file", "The request has no body: send the bundle's bytes.");
  const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
  const contentType = request.headers.get("content-type") ?? "";
  const fileName = request.headers.get("x-filename") ?? request.nextUrl.searchParams.get("filename") ?? "";
  const multipart = contentType.startsWith("multipart/form-data");
  const splitCase = !existingCase && !multipart && request.nextUrl.searchParams.get("split") === "peers" ? await createCase(owner) : null;
  const created = multipart
    ? await createFromMultipart(body, request.headers, owner, existingCase?.id ?? null)
    : splitCase
      ? await addSplitUpload(splitCase.id, fileName, body, owner)
    : existingCase
      ? { ...(await addToCase({ caseId: existingCase.id, fileName, body, owner })), caseId: existingCase.id }
      : await createAnalysis({ fileName, body, owner });
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

type CreatedCase = { caseId: string; url: string; analyses: AddedToCase[] };

/** One upload that is a case of its own (?split=peers): the case goes if the upload is refused. */
async function addSplitUpload(caseId: string, fileName: string, body: Readable, owner: { workspaceId: string; userId: string }): Promise<CreatedCase> {
  try {
    const { id, status, url } = await addToCase({ caseId, fileName, body, owner });
    return { caseId, url: caseUrl(caseId), analyses: [{ id, status, url }] };
  } catch (err) {
    await deleteCase(caseId).catch(() => {});
    throw err;
  }
}

/**
 * Every `file` part is a bundle, streamed like a raw body one after the other. One part (and no
 * ?case=) is a plain upload, answered as before; several make a case, answered with the case and one
 * entry per bundle. A refused part refuses the request and removes what it had stored.
 */
function createFromMultipart(
  body: Readable,
  headers: Headers,
  owner: { workspaceId: string; userId: string },
  intoCase: string | null,
): Promise<CreatedAnalysis | AddedToCase | CreatedCase> {
  const limit = getServices().config.MAX_CASE_BUNDLES;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: Object.fromEntries(headers), limits: { files: limit + 1, fields: 20 } });
    } catch {
      reject(new ApiError(400, "invalid_multipart", "The multipart body could not be read."));
      return;
    }
    let title = "";
    let parts = 0;
    let caseId = intoCase;
    let caseCreated = false;
    let failed: unknown = null;
    const stored: AddedToCase[] = [];
    let chain: Promise<void> = Promise.resolve();
    parser.on("field", (name, value) => {
      if (name === "title") title = value;
    });
    parser.on("file", (field, stream, info) => {
      if (field !== "file") {
        stream.resume();
        return;
      }
      const n = ++parts;
      chain = chain.then(async () => {
        if (failed) return void stream.resume();
        try {
          if (n > limit) {
            stream.resume();
            throw new ApiError(413, "too_many_bundles", `One case holds at most ${limit} bundles (MAX_CASE_BUNDLES); this upload has more.`);
          }
          const fileName = info.filename ?? "";
          if (!caseId && n === 2) {
            caseId = (await createCase({ ...owner, title })).id;
            caseCreated = true;
            await getServices().db.prisma.analysis.updateMany({ where: { id: stored[0].id }, data: { caseId } });
          }
          stored.push(
            caseId
              ? await addToCase({ caseId, fileName, body: stream, owner })
              : await createAnalysis({ fileName, body: stream, owner, inCase: { caseId: null } }),
          );
        } catch (err) {
          failed = err;
          stream.resume();
        }
      });
    });
    /** What this request stored goes when it is refused (the case too, if it made it). */
    const undo = async () => {
      if (caseCreated && caseId) await deleteCase(caseId).catch(() => {});
      else for (const a of stored) if (!a.duplicate) await deleteAnalysis(a.id).catch(() => {});
    };
    parser.on("error", () => {
      failed = new ApiError(400, "invalid_multipart", "The multipart body could not be read.");
      chain.then(undo).finally(() => reject(failed));
    });
    parser.on("close", () => {
      chain.then(async () => {
        if (failed) {
          await undo();
          reject(failed);
        } else if (parts === 0) reject(new ApiError(400, "missing_file", "The multipart body has no `file` field."));
        else if (!caseId) resolve(stored[0]);
        else resolve({ caseId, url: caseUrl(caseId), analyses: stored.map(({ id, status, url, duplicate }) => ({ id, status, url, ...(duplicate ? { duplicate } : {}) })) });
      }, reject);
    });
    body.pipe(parser);
  });
}
