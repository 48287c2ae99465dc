// Makes sure the generated Prisma client, a production build of the current sources and the bundled
// analyzer (scripts/build-analyzer.mjs) exist. Each is redone only when a source file changed since the
// last one (names, sizes and mtimes), so `npm start` is fast after the first run and never serves stale pages.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureAnalyzer } from "./build-analyzer.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = ["app", "components", "lib", "public", "prisma", "proxy.ts", "instrumentation-client.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["generated", "node_modules"]);

function fingerprint() {
  const hash = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!SKIP.has(name) && !name.endsWith(".test.ts")) walk(path.join(p, name));
    } else {
      hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const s of SOURCES) walk(path.join(root, s));
  return hash.digest("hex");
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

export function ensureBuild() {
  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) run(process.execPath, ["scripts/prisma-generate.mjs"]);
  const stamp = path.join(root, ".next", "source-fingerprint");
  const current = fingerprint();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === current;
  if (!built) {
    console.log("building the portal (first start or sources changed)...");
    run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"]);
    writeFileSync(stamp, current);
  }
  ensureAnalyzer();
}
