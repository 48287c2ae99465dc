// `npm start`: build if needed, then run server.ts (database, queue, worker, Next.js) in production mode.
// `npm run dev` runs the same server with Next's development mode instead.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuild, root } from "./ensure-build.mjs";

const dev = process.argv.includes("--dev");
if (!dev) ensureBuild();

const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "server.ts"), ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
