// GET /api/analyses/:id/files/:name/search: the lines of one file that match a text or regex and/or
// level, process and module filters, forwards from a line or backwards before it, streamed as NDJSON
// ({ n, text } per match, then { done, reason, scannedFrom, scannedTo }). Bounded three ways: at most
// `limit` matches, at most TIME_LIMIT_MS of scanning, and a regex that spends CHUNK_LIMIT_MS on one
// chunk of lines is stopped (its thread terminated) and reported as too slow.
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { markAtOrBefore, type IndexedFile } from "@/lib/bundle/line-index";
import { decompressedRange } from "@/lib/bundle/read-indexed-lines";
import { ApiError } from "@/lib/http/api-error";
import { openBundleLines, type BundleLines } from "@/lib/analyses/open-bundle-lines";
import { SEARCH_LINES_WORKER_SOURCE } from "@/lib/analyses/search-lines-worker";

export const TIME_LIMIT_MS = 10_000;
const CHUNK_LIMIT_MS = 3_000;
const MAX_LIMIT = 500;
/** searches running at once in this process (each has a thread); more wait for none, they get a 429 */
const MAX_RUNNING = 4;
let running = 0;
const LEVELS = ["error", "warn", "info", "debug", "trace"] as const;

export const searchQuerySchema = z
  .object({
    q: z.string().max(1000).optional(),
    regex: z.enum(["0", "1", "true", "false"]).optional(),
    case: z.enum(["0", "1", "true", "false"]).optional(),
    from: z.coerce.number().int().min(1).optional(),
    dir: z.enum(["next", "prev"]).default("next"),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
    level: z.enum(LEVELS).optional(),
    process: z.string().trim().min(1).max(100).optional(),
    module: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => (v.q ?? "") !== "" || v.level || v.process || v.module, { message: "give q, level, process or module", path: ["q"] });

export type SearchQuery = z.infer<typeof searchQuerySchema>;

type Match = { n: number; text: string; truncated?: boolean };

const yes = (v: string | undefined) => v === "1" || v === "true";

/** The pattern the worker runs, or an ApiError for a regex that does not compile. */
function compile(query: SearchQuery): { pattern: string | null; flags: string } {
  const q = query.q ?? "";
  if (q === "") return { pattern: null, flags: "" };
  const flags = yes(query.case) ? "" : "i";
  const pattern = yes(query.regex) ? q : q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  try {
    new RegExp(pattern, flags);
  } catch (err) {
    throw new ApiError(400, "invalid_regex", `The regular expression does not compile: ${(err as Error).message.replace(/^Invalid regular expression: /, "")}`);
  }
  return { pattern, flags };
}

/** Checks the request (404, 410, 415, 400) before anything is streamed, then streams the matches. */
export async function searchAnalysisLines(analysis: { id: string; storageKey: string; fileName: string }, name: string, query: SearchQuery): Promise<ReadableStream<Uint8Array>> {
  return streamLineSearch(await openBundleLines(analysis), name, query);
}

/** The search over an opened bundle (separate for tests that have no services). */
export function streamLineSearch(bundle: BundleLines, name: string, query: SearchQuery): ReadableStream<Uint8Array> {
  const file = bundle.file(name);
  if (!file.text) throw new ApiError(415, "not_text", "This file is not text (it looks binary), so it cannot be searched. Download it instead.");
  const { pattern, flags } = compile(query);
  if (running >= MAX_RUNNING) throw new ApiError(429, "search_busy", "Too many searches are running on this server; try again in a few seconds.", { "Retry-After": "5" });
  running++;
  let released = false;
  const release = () => {
    if (!released) running--;
    released = true;
  };
  const encoder = new TextEncoder();
  let search: Search | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (v: unknown) => {
        if (!cancelled) controller.enqueue(encoder.encode(`${JSON.stringify(v)}\n`));
      };
      search = new Search(bundle, file, { pattern, flags, level: query.level ?? null, process: query.process ?? null, module: query.module ?? null });
      try {
        const summary = query.dir === "prev" ? await search.backward(query.from ?? file.lines + 1, query.limit, send) : await search.forward(query.from ?? 1, query.limit, send);
        send({ done: true, ...summary });
      } catch (err) {
        if (err instanceof SearchStopped) send({ error: { code: err.code, message: err.message } });
        else if (!cancelled) {
          // the error's name and where, never the lines searched
          console.error(`[search] failed: ${(err as Error)?.name ?? "Error"}: ${(err as Error)?.stack?.split("\n")[1]?.trim() ?? ""}`);
          send({ error: { code: "internal_error", message: "The search failed on our side. Try again." } });
        }
      } finally {
        search.close();
        release();
        if (!cancelled) controller.close();
      }
    },
    cancel() {
      // the client went away: stop reading and matching
      cancelled = true;
      search?.close();
      release();
    },
  });
}

class SearchStopped extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Summary = { reason: "end" | "limit" | "time"; scannedFrom: number; scannedTo: number; total: number };

type Init = { pattern: string | null; flags: string; level: string | null; process: string | null; module: string | null };

class Search {
  private readonly worker: Worker;
  private readonly deadline = Date.now() + TIME_LIMIT_MS;
  private closed = false;
  private reply: ((v: { matches: Match[]; line: number }) => void) | null = null;
  private failure: ((err: Error) => void) | null = null;

  constructor(
    private readonly bundle: BundleLines,
    private readonly file: IndexedFile,
    init: Init,
  ) {
    this.worker = new Worker(SEARCH_LINES_WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 96 }, execArgv: [] });
    this.worker.on("message", (m) => this.reply?.(m));
    this.worker.on("error", (err) => this.failure?.(err));
    this.worker.on("exit", () => this.failure?.(new Error("search worker exited")));
    this.worker.postMessage({ type: "init", ...init });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
  }

  /** Posts one message and waits for its answer, at most CHUNK_LIMIT_MS. */
  private ask(message: unknown, transfer: ArrayBuffer[] = []): Promise<{ matches: Match[]; line: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.close();
        reject(new SearchStopped("regex_too_slow", "The regular expression took too long on these lines (it backtracks too much) and was stopped. Simplify it, e.g. avoid nested repetition like (a+)+."));
      }, CHUNK_LIMIT_MS);
      this.reply = (v) => {
        clearTimeout(timer);
        resolve(v);
      };
      this.failure = (err) => {
        clearTimeout(timer);
        reject(this.closed ? new SearchStopped("regex_too_slow", "The search was stopped.") : err);
      };
      this.worker.postMessage(message, transfer);
    });
  }

  /** Scans lines [from, to) in order; `onMatch` returns false to stop. Resolves to the next unscanned line and why it stopped. */
  private async scan(from: number, to: number, onMatch: (m: Match) => boolean): Promise<{ next: number; reason: Summary["reason"] }> {
    const [markLine, markOff] = markAtOrBefore(this.file, from);
    this.worker.postMessage({ type: "range", firstLine: markLine, from, to });
    const f = this.file;
    let line = markLine;
    let stop = false;
    const take = (r: { matches: Match[]; line: number }) => {
      line = r.line;
      for (const m of r.matches) if (!stop && !onMatch(m)) stop = true;
    };
    for await (const chunk of decompressedRange(this.bundle.index, this.bundle.open, f.offset + markOff, f.size - markOff)) {
      const copy = new Uint8Array(chunk); // transferred: the inflater's buffer is not ours to give away
      take(await this.ask({ type: "chunk", buf: copy }, [copy.buffer]));
      if (stop) return { next: line, reason: "limit" };
      if (line >= to) return { next: to, reason: "end" };
      if (Date.now() > this.deadline) return { next: line, reason: "time" };
    }
    take(await this.ask({ type: "end" }));
    return { next: Math.min(to, f.lines + 1), reason: stop ? "limit" : "end" };
  }

  async forward(from: number, limit: number, send: (v: unknown) => void): Promise<Summary> {
    const start = Math.min(Math.max(1, from), this.file.lines + 1);
    let total = 0;
    const { next, reason } = await this.scan(start, this.file.lines + 1, (m) => {
      send(m);
      total++;
      return total < limit;
    });
    return { reason, scannedFrom: start, scannedTo: next - 1, total };
  }

  /** Lines before `before`, nearest first: windows of growing size scanned forwards, until `limit` are found. */
  async backward(before: number, limit: number, send: (v: unknown) => void): Promise<Summary> {
    let end = Math.min(Math.max(1, before), this.file.lines + 1);
    const scannedTo = end - 1;
    let size = 20_000;
    let total = 0;
    let reason: Summary["reason"] = "end";
    while (end > 1 && total < limit) {
      const start = Math.max(1, end - size);
      const found: Match[] = [];
      const r = await this.scan(start, end, (m) => {
        found.push(m);
        if (found.length > limit) found.shift();
        return true;
      });
      if (r.reason === "time") {
        // this window was not scanned to its end: its matches need not be the nearest
        reason = "time";
        break;
      }
      for (const m of found.reverse().slice(0, limit - total)) {
        send(m);
        total++;
      }
      end = start;
      size *= 4;
      if (Date.now() > this.deadline && end > 1 && total < limit) {
        reason = "time";
        break;
      }
    }
    if (total >= limit) reason = "limit";
    return { reason, scannedFrom: end, scannedTo, total };
  }
}
