import { createReadStream } from "node:fs";
import { analyzeBundle } from "./lib/pipeline/analyze-bundle";
async function main() {
  const tgz = process.argv[2];
  for (let i = 0; i < Number(process.env.RUNS ?? 2); i++) {
    const s = Date.now();
    const out = await analyzeBundle(createReadStream(tgz), "diagnostic_log_vcsc1_2024-03-05_09_12_40.tar.gz");
    console.log(`analysis ${Date.now() - s} ms rss ${Math.round(process.memoryUsage().rss / 1048576)} MiB calls ${out.calls?.counts.calls}`);
  }
}
main();
