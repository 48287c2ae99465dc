import { Readable } from "node:stream";
import { readFileSync } from "node:fs";
import path from "node:path";
async function main() {
  const root = process.cwd();
  const size = Number(process.argv[2]) * 1024 * 1024;
  const { analyzeBundle } = await import(path.join(root, "lib/pipeline/analyze-bundle.ts"));
  const { sipHeavyLog } = await import(path.join(root, "scripts/bench/sip-log.ts"));
  const t = Date.now();
  const out = await analyzeBundle(Readable.from(sipHeavyLog(size)), "loggingsnapshot_vcsc1_2024-03-05_09_12_40.txt");
  const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))![1];
  console.log(`size ${process.argv[2]} MiB: ${Date.now() - t} ms, VmHWM ${Math.round(Number(hwm) / 1024)} MiB, calls ${out.details?.sip?.callCount ?? JSON.stringify(out.details?.sip ?? {}).slice(0, 200)}`);
}
main();
