// Warms up an analyzer process before its bundle arrives: a few MiB of synthetic log through the
// whole pipeline, on the scan thread, so that the bundle finds the thread started and the hot code
// already compiled by the JIT instead of interpreted for its first few hundred milliseconds.
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import * as tar from "tar-stream";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import { SYNTHETIC_XCONF, SYNTHETIC_XSTAT, syntheticLog } from "@/lib/pipeline/synthetic-log";

const WARM_UP_LOG_BYTES = 3 * 1024 * 1024;

export async function warmUp(): Promise<void> {
  const parts: Buffer[] = [];
  for await (const c of syntheticLog(WARM_UP_LOG_BYTES, { failureEvery: 200 })) parts.push(c);
  const stamp = "2024-03-05_09_12_40";
  const bundle = gzipSync(
    await tarOf([
      { name: `loggingsnapshot_warmup_${stamp}.txt`, content: Buffer.concat(parts) },
      { name: `xconf_dump_warmup_${stamp}.txt`, content: Buffer.from(SYNTHETIC_XCONF) },
      { name: `xstat_dump_warmup_${stamp}.txt`, content: Buffer.from(SYNTHETIC_XSTAT) },
    ]),
    { level: 1 },
  );
  await analyzeBundle(Readable.from([bundle]), `diagnostic_log_warmup_${stamp}.tar.gz`, { scanThread: "always" });
}

async function tarOf(entries: { name: string; content: Buffer }[]): Promise<Buffer> {
  const pack = tar.pack();
  const out: Buffer[] = [];
  pack.on("data", (c: unknown) => out.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on("end", resolve);
    pack.on("error", reject);
  });
  for (const e of entries) pack.entry({ name: e.name, size: e.content.length }, e.content);
  pack.finalize();
  await done;
  return Buffer.concat(out);
}
