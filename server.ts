// The portal's process: opens (and migrates) the database, starts the queue and the in-process worker,
// then serves Next.js. One process owns the embedded database, so this is the only way to start it.
import http from "node:http";
import next from "next";
import { startServices, stopServices } from "@/lib/worker/boot";
import { REMOTE_ADDRESS_HEADER } from "@/lib/http/client-address";
import { isHttps } from "@/lib/http/request-origin";
import { securityHeaders } from "@/lib/http/security-headers";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

async function main() {
  const services = await startServices();
  const legacy = await services.db.prisma.analysis.count({ where: { workspaceId: null } });
  const app = next({ dev, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handler = app.getRequestHandler();
  const headerSets = { plain: Object.entries(securityHeaders(false)), https: Object.entries(securityHeaders(true)) };
  const server = http.createServer((req, res) => {
    // The socket's address for rate limits; never taken from the client.
    req.headers[REMOTE_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    // Set once here for every answer (pages, API, static files, errors); pages get their nonce CSP from proxy.ts.
    const https = isHttps(new Headers({ "x-forwarded-proto": String(req.headers["x-forwarded-proto"] ?? "") }));
    for (const [name, value] of https ? headerSets.https : headerSets.plain) res.setHeader(name, value);
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Next's development mode reloads pages over a websocket.
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  // Uploads of large bundles take minutes on slow links: no request timeout, but idle sockets are closed.
  server.requestTimeout = 0;
  // Idle keep-alive sockets live longer than clients' (and load balancers') idle pools, so the server
  // never closes a connection just as a client starts sending an upload on it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => {
    const where = services.db.kind === "pglite" ? `embedded database in ${services.config.pgliteDir}` : "PostgreSQL";
    if (legacy > 0) {
      console.log(
        `${legacy} analyses from before accounts belong to no workspace and are visible to no one; ` +
          "give them one with `npm run admin -- adopt-analyses --workspace <name>` (see README).",
      );
    }
    console.log(`Expressway Analyzer ready on http://localhost:${port} (${where}${services.worker ? ", worker on" : ""})`);
  });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections?.();
    await stopServices();
    await app.close?.();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(`failed to start: ${(err as Error)?.stack ?? err}`);
  process.exit(1);
});
