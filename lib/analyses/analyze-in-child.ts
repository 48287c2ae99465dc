// Runs the pipeline on a stored bundle in a child process (lib/analysis/analyze-child.ts) with its
// own heap limit, and returns its output. The child sends back the validated output or a typed error.
import { fork } from "node:child_process";
import path from "node:path";
import type { AnalysisOutput } from "@/lib/analysis/types";
import type { Limits } from "@/lib/analysis/pipeline";
import type { StoredObject } from "@/lib/storage";

export type ChildRequest = { object: StoredObject; fileName: string; limits: Partial<Limits> };
export type AnalyzerStats = { ms: number; peakRssBytes: number };
export type ChildResponse =
  | { ok: true; output: AnalysisOutput; stats: AnalyzerStats }
  | { ok: false; bundleError: { code: string; message: string } }
  | { ok: false; crash: string };

/** A failure of the analyzer process itself (crash, out of memory, killed). */
export class AnalyzerCrash extends Error {}

const CHILD_ENTRY = path.join(process.cwd(), "lib/analysis/analyze-child.ts");

export function analyzeInChild(
  request: ChildRequest,
  opts: { signal?: AbortSignal; heapMiB: number },
): Promise<ChildResponse & ({ ok: true } | { ok: false; bundleError: { code: string; message: string } })> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD_ENTRY, [], {
      execArgv: ["--import", "tsx", `--max-old-space-size=${opts.heapMiB}`],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    let answered = false;
    const abort = () => child.kill("SIGKILL");
    opts.signal?.addEventListener("abort", abort, { once: true });
    child.once("message", (message: ChildResponse) => {
      answered = true;
      if (message.ok || "bundleError" in message) resolve(message as never);
      else reject(new AnalyzerCrash(`the analyzer failed: ${message.crash}`));
    });
    child.once("error", (err) => reject(new AnalyzerCrash(`the analyzer could not start: ${err.message}`)));
    child.once("exit", (code, signal) => {
      opts.signal?.removeEventListener("abort", abort);
      if (!answered) {
        const why = opts.signal?.aborted ? "it was stopped" : signal ? `it was killed (${signal}${signal === "SIGKILL" ? ", possibly out of memory" : ""})` : `it exited with code ${code}`;
        reject(new AnalyzerCrash(`the analyzer ended without a result: ${why}`));
      }
    });
    child.send(request);
  });
}
