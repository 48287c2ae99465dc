// The analyzer's own process: one per analysis, forked by lib/worker/analyzer-client.ts. A hostile
// bundle that exhausts memory or crashes the parser takes down this process only, never the web server,
// and the server's event loop never runs the hot parsing loop.
import { readFileSync } from "node:fs";
import { analyzeBundle, BundleError } from "@/lib/pipeline/analyze-bundle";
import { warmUp } from "@/lib/worker/warm-up";
import { RESULTS_STORED, type ChildRequest, type ChildResponse } from "@/lib/worker/protocol";
import { getConfig } from "@/lib/platform/config";
import { openStoredObject } from "@/lib/platform/storage/create-storage";
import { storeLineIndex } from "@/lib/worker/store-line-index";

function reply(message: ChildResponse): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

/**
 * This process's peak resident memory. Not getrusage's maxRSS: Linux starts a forked child's with its
 * parent's size and keeps it across exec, so it reported up to the whole web server's memory.
 */
function peakRssBytes(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

// The worker that forked us died (or was killed): nobody will read the result, stop at once.
process.on("disconnect", () => process.exit(1));

// Started ahead of its analysis (lib/worker/analyzer-client.ts passes --warm-up), it usually has
// time to spare: compile the hot code and start the scan thread before the bundle comes. Not when its
// request is already waiting (a queue of analyses): that arrives before this timer. A failure here only
// costs the head start.
let warming: Promise<void> | undefined;
const warmUpTimer = process.argv.includes("--warm-up") ? setTimeout(() => (warming = warmUp().catch(() => {})), 50) : undefined;

process.once("message", async (request: ChildRequest) => {
  clearTimeout(warmUpTimer);
  await warming; // started: it cannot be stopped half-way
  const started = Date.now();
  let response: ChildResponse;
  try {
    const input = await openStoredObject(request.object, getConfig());
    const output = await analyzeBundle(input, request.fileName, { limits: request.limits, folder: request.folder ?? null });
    response = { ok: true, output, stats: { ms: Date.now() - started, peakRssBytes: peakRssBytes() } };
  } catch (err) {
    // Only the error's code and our own message cross back: never bundle content.
    response =
      err instanceof BundleError
        ? { ok: false, bundleError: { code: err.code, message: err.message } }
        : { ok: false, crash: `${(err as Error)?.name ?? "Error"}: ${(err as Error)?.stack?.split("\n").slice(1, 4).join(" | ") ?? ""}` };
  }
  await reply(response);
  // The viewer's index costs the analysis nothing: it is built once the worker has stored the results
  // (or given up on them), which it says over the channel; a worker that goes away ends this process.
  if (response.ok && request.lineIndex) {
    await new Promise<void>((resolve) => process.on("message", (m) => m === RESULTS_STORED && resolve()));
    await storeLineIndex(request.lineIndex, request.fileName, getConfig()).catch((err) => {
      // Never bundle content: the error's name and where it happened.
      console.error(`[analyzer] the line index was not stored: ${(err as Error)?.name ?? "Error"}: ${(err as Error)?.stack?.split("\n")[1]?.trim() ?? ""}`);
    });
  }
  process.exit(0);
});
