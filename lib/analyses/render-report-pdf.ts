// GET /api/analyses/:id/report.pdf: the report's HTML (lib/analyses/build-analysis-report.ts) printed by
// headless Chromium. One rendering at a time per process (a browser costs ~150 MB); the page gets no
// network and runs no script, since the HTML is built from customer data (escaped) and needs neither.
import { chromium } from "playwright-core";
import type { AnalysisView } from "@/lib/results/types";
import { ApiError } from "@/lib/http/api-error";
import { buildAnalysisReportHtml } from "@/lib/analyses/build-analysis-report";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
let queue: Promise<unknown> = Promise.resolve();

export function renderReportPdf(view: AnalysisView): Promise<Buffer> {
  const run = queue.then(() => render(buildAnalysisReportHtml(view)));
  queue = run.catch(() => {});
  return run;
}

async function render(html: string): Promise<Buffer> {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"], timeout: 30_000 });
  } catch {
    throw new ApiError(503, "pdf_unavailable", "The PDF renderer (headless Chromium) could not be started on this server; download report.md instead.");
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load", timeout: 30_000 });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
