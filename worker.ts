// `npm run worker`: a process that only runs analyses, against the PostgreSQL named by DATABASE_URL
// (the embedded database belongs to the web server's process and cannot be shared).
import { getConfig } from "@/lib/platform/config";
import { startServices, stopServices } from "@/lib/worker/boot";

async function main() {
  if (!getConfig().DATABASE_URL) {
    console.error("npm run worker needs DATABASE_URL: the embedded database can only be used by the web server's own worker.");
    process.exit(2);
  }
  await startServices({ worker: true });
  console.log(`worker ${process.pid} running (concurrency ${getConfig().WORKER_CONCURRENCY})`);
  const shutdown = async () => {
    await stopServices();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(`worker failed to start: ${(err as Error)?.stack ?? err}`);
  process.exit(1);
});
