// Bundles the analyzer process (lib/worker/analyzer-process.ts and all it imports, except the AWS SDK that
// only S3 storage loads) into one plain JavaScript file, so each analysis starts node on it instead of
// compiling TypeScript through tsx first (about 1 s per analysis); its log scanning thread
// (lib/scan/log-scan-worker.ts) goes beside it, where lib/scan/log-feed.ts looks for it. A manifest
// names every input with its size and mtime; lib/worker/analyzer-client.ts runs the bundle only while
// they all still match.
//   node scripts/build-analyzer.mjs    build unless current (`npm start`, `npm test` and `npm run worker` do)
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = { "analyzer-process": "lib/worker/analyzer-process.ts", "log-scan-worker": "lib/scan/log-scan-worker.ts" };
export const ANALYZER_DIR = path.join(root, "lib/generated/analyzer");
const MANIFEST = path.join(ANALYZER_DIR, "manifest.json");

/** Inputs as the manifest records them: relative path -> [size, mtimeMs]. */
function stamp(files) {
  const inputs = {};
  for (const file of files) {
    const st = statSync(path.join(root, file));
    inputs[file] = [st.size, st.mtimeMs];
  }
  return inputs;
}

/** True when the bundle exists and none of its inputs changed since it was made. */
export function analyzerIsCurrent() {
  try {
    const { inputs } = JSON.parse(readFileSync(MANIFEST, "utf8"));
    for (const name of Object.keys(ENTRIES)) statSync(path.join(ANALYZER_DIR, `${name}.js`));
    return Object.entries(stamp(Object.keys(inputs))).every(([file, [size, mtime]]) => inputs[file][0] === size && inputs[file][1] === mtime);
  } catch {
    return false;
  }
}

/** Builds the bundle; throws when esbuild reports anything (a warning such as `import.meta` in CommonJS would break it). */
export function buildAnalyzer() {
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: ANALYZER_DIR,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["@aws-sdk/*"],
    tsconfig: path.join(root, "tsconfig.json"),
    // Crash reports quote the stack: with --enable-source-maps it names the TypeScript files and lines.
    sourcemap: "linked",
    sourcesContent: false,
    // No keepNames: it wraps every closure in a __name() call that defines `name` each time one is
    // made, 0.3 s of a 1 GiB SIP analysis (nothing here reads a function's name).
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  if (result.warnings.length) throw new Error(`esbuild: ${result.warnings.map((w) => w.text).join("; ")}`);
  // The tsconfig and lockfile decide how imports resolve, so a change to them also makes a new bundle.
  const inputs = stamp([...Object.keys(result.metafile.inputs), "tsconfig.json", "package-lock.json"]);
  const build = createHash("sha256").update(JSON.stringify(inputs)).digest("hex").slice(0, 16);
  mkdirSync(ANALYZER_DIR, { recursive: true });
  // Renamed into place, the manifest last: a reader never takes a half-written bundle for a current one.
  const put = (file, contents) => {
    writeFileSync(`${file}.${process.pid}.tmp`, contents);
    renameSync(`${file}.${process.pid}.tmp`, file);
  };
  // .js files that are CommonJS whatever the project's package.json ever says
  put(path.join(ANALYZER_DIR, "package.json"), JSON.stringify({ type: "commonjs" }));
  for (const out of result.outputFiles) put(out.path, out.contents);
  put(MANIFEST, JSON.stringify({ build, inputs }));
}

/** Builds unless current; a failure is reported, not fatal: analyses then start through tsx, slower. */
export function ensureAnalyzer() {
  if (analyzerIsCurrent()) return;
  try {
    buildAnalyzer();
  } catch (err) {
    console.warn(`could not bundle the analyzer (${err.message}); analyses will start through tsx, about 1 s slower each`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureAnalyzer();
