// `npm test`: the whole suite. Unit and integration tests run on node's test runner, end-to-end tests on
// Playwright in Debian's Chromium; the last line sums them up as "N passed, N failed" (CI reads it).
// Without DATABASE_URL everything runs on the embedded database; with it, on fresh PostgreSQL databases.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ensureBuild, root } from "./ensure-build.mjs";

const args = process.argv.slice(2);
const only = args.find((a) => ["--unit", "--e2e"].includes(a));

function findTests(dir, pattern, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (name === "node_modules" || name === "generated") continue;
    if (statSync(p).isDirectory()) findTests(p, pattern, out);
    else if (pattern.test(name)) out.push(path.relative(root, p));
  }
  return out;
}

ensureBuild();
mkdirSync(path.join(root, "test-results"), { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;

if (only !== "--e2e") {
  const files = [...findTests(path.join(root, "lib"), /\.test\.ts$/), ...findTests(path.join(root, "tests"), /\.test\.ts$/)];
  const tap = path.join(root, "test-results", "node.tap");
  const res = spawnSync(
    process.execPath,
    ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", "--test-reporter-destination=stdout",
      "--test-reporter=tap", `--test-reporter-destination=${tap}`, ...files],
    { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "test" } },
  );
  const text = existsSync(tap) ? readFileSync(tap, "utf8") : "";
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)`, "m").exec(text)?.[1] ?? 0);
  passed += count("pass");
  failed += count("fail") + count("cancelled");
  skipped += count("skipped") + count("todo");
  if (res.status !== 0 && count("fail") + count("cancelled") === 0) failed += 1;
}

if (only !== "--unit") {
  const report = path.join(root, "test-results", "e2e.json");
  const res = spawnSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test" },
  });
  let stats = null;
  try {
    stats = JSON.parse(readFileSync(report, "utf8")).stats;
  } catch {
    // no report: counted as a failure below
  }
  passed += stats?.expected ?? 0;
  failed += (stats?.unexpected ?? 0) + (stats?.flaky ?? 0);
  skipped += stats?.skipped ?? 0;
  if (res.status !== 0 && !stats?.unexpected) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
