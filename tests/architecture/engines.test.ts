// The README's quick start names the oldest Node the portal runs on; every installed package must
// declare that it accepts it, except the two the README names and explains.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, it } from "node:test";

// npm's own range semantics (semver is installed with next, prisma and others; it ships no types).
const semver = createRequire(__filename)("semver") as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const ROOT = path.resolve(__dirname, "../..");
// Named in the README's quick start, with why they run on Node 20 anyway.
const EXPLAINED = new Set(["pg-boss", "@prisma/streams-local"]);

function installedPackages(dir: string, out: { name: string; version: string; node: string }[] = []) {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".")) continue;
    const p = path.join(dir, entry);
    if (entry.startsWith("@")) {
      installedPackages(p, out);
      continue;
    }
    const manifest = path.join(p, "package.json");
    if (existsSync(manifest)) {
      try {
        const j = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string; engines?: { node?: string } };
        if (j.name && j.engines?.node) out.push({ name: j.name, version: j.version ?? "?", node: j.engines.node });
      } catch {
        // not a package manifest we can read (fixtures inside packages)
      }
    }
    const nested = path.join(p, "node_modules");
    if (existsSync(nested)) installedPackages(nested, out);
  }
  return out;
}

describe("Node version", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const stated = /with Node (\d+\.\d+) or newer/.exec(readme)?.[1];
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };

  it("the README's quick start and package.json name the same oldest Node", () => {
    assert.ok(stated, "the quick start says 'with Node X.Y or newer'");
    assert.equal(semver.minVersion(pkg.engines.node)?.version, `${stated}.0`);
  });

  it("every installed package accepts that Node, but the ones the README explains", () => {
    const refusing = installedPackages(path.join(ROOT, "node_modules"))
      .filter((p) => !semver.satisfies(`${stated}.0`, p.node))
      .filter((p) => !EXPLAINED.has(p.name));
    assert.deepEqual(refusing.map((p) => `${p.name}@${p.version} wants node ${p.node}`), []);
    for (const name of EXPLAINED) assert.ok(readme.includes(`\`${name}\``), `the README explains ${name}`);
  });
});
