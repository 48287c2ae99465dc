// The data flows one way (upload → bundle → results contract → parse → scan → facts → signatures →
// pipeline → platform → worker → records → pages), and so do the imports: a module may import
// from its own layer and the layers before it, never after. Import circles are refused in any layer.
// lib/README.md says the same per folder; this test is what keeps it true.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

const ROOT = path.resolve(__dirname, "../..");

/** Layer of a source path (relative to the root), lowest first; null: not ranked (tests, tools). */
const LAYERS: [rank: number, prefixes: string[]][] = [
  [0, ["lib/bundle/"]],
  [1, ["lib/results/"]],
  [2, ["lib/parse/", "lib/capture/"]],
  [3, ["lib/scan/"]],
  [4, ["lib/facts/"]],
  [5, ["lib/signatures/"]],
  [6, ["lib/pipeline/"]],
  [7, ["lib/platform/", "lib/http/", "lib/generated/"]],
  [8, ["lib/worker/"]],
  [9, ["lib/analyses/", "lib/cases/", "lib/access/", "lib/auth/", "lib/shares/", "lib/tokens/", "lib/workspaces/"]],
  [10, ["lib/ui/", "components/", "app/"]],
  [11, ["server.ts", "worker.ts"]],
];

export function layerOf(file: string): number | null {
  for (const [rank, prefixes] of LAYERS) if (prefixes.some((p) => file === p || file.startsWith(p))) return rank;
  return null;
}

const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.(test|spec)\.tsx?$|(^|\/)test-support\.ts$/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) sources(rel, out);
    else if (SOURCE.test(name) && !TEST.test(name)) out.push(rel);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Project files a source imports, resolved to paths relative to the root. */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    let target: string | null = null;
    if (spec.startsWith("@/")) target = spec.slice(2);
    else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    if (target === null) continue;
    out.push(resolve(target));
  }
  return out;
}

function resolve(target: string): string {
  for (const ext of ["", ".ts", ".tsx", "/index.ts"]) {
    const p = target + ext;
    try {
      if (statSync(path.join(ROOT, p)).isFile()) return p;
    } catch {
      // try the next
    }
  }
  return target;
}

function graph(): Map<string, string[]> {
  const files = [...sources("lib"), ...sources("app"), ...sources("components"), "server.ts", "worker.ts"];
  return new Map(files.map((f) => [f, importsOf(f, readFileSync(path.join(ROOT, f), "utf8"))]));
}

describe("import layers", () => {
  it("reads static, type-only and dynamic imports, with @/ and relative paths", () => {
    const text = `import a from "@/lib/bundle/limits";\nimport type { X } from "./facts";\nexport { y } from "../parse/xconf";\nconst m = await import("@/lib/platform/storage/s3-storage");`;
    assert.deepEqual(importsOf("lib/facts/collect-facts.ts", text), [
      "lib/bundle/limits.ts",
      "lib/facts/facts.ts",
      "lib/parse/xconf.ts",
      "lib/platform/storage/s3-storage.ts",
    ]);
  });

  it("ranks every source folder, so a new folder has to say where it stands", () => {
    const unranked = [...graph().keys()].filter((f) => layerOf(f) === null);
    assert.deepEqual(unranked, []);
  });

  it("only imports from the module's own layer or the layers before it", () => {
    const upward: string[] = [];
    for (const [file, imports] of graph()) {
      const from = layerOf(file)!;
      for (const target of imports) {
        const to = layerOf(target);
        if (to !== null && to > from) upward.push(`${file} -> ${target}`);
      }
    }
    assert.deepEqual(upward, []);
  });

  it("has no import circles", () => {
    const g = graph();
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const next of g.get(file) ?? []) {
        if (!g.has(next)) continue;
        const s = state.get(next);
        if (s === "open") circles.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
        else if (s === undefined) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of g.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(circles, []);
  });
});
