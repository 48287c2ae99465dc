// The log viewer as a new user meets it: click an evidence line on a card, land on that line, search
// for the next WARNING and back, return to the card; open a line deep in the file; and the overview's
// print layout: no navigation or buttons, every card in full, nothing wider than the page.
import { gunzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import * as tar from "tar-stream";
import { addSessionCookie, createTestUser, type TestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";
import { makeTarGz } from "../fixtures/build-bundle";

const LOG = "loggingsnapshot_expc1_2024-03-05_09_12_40.txt";
const SIGNATURE = "x14-2-traffic-server-verification";
const EXTRA_LINES = 30_000;
const LATER_WARNING = 532 + 12_000;

let portal: Portal;
let user: TestUser;
let id: string;
let evidenceLine: number;

/**
 * The sample bundle with its log made long: the sample's lines, then many more lines of its own shapes,
 * one of them a later traffic_server WARNING (the shape of the sample's line 305).
 */
async function longSample(): Promise<Buffer> {
  const files = new Map<string, Buffer>();
  const extract = tar.extract();
  const read = (async () => {
    for await (const entry of extract) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(c as Buffer);
      files.set(entry.header.name, Buffer.concat(parts));
    }
  })();
  extract.end(gunzipSync(await readFile(SAMPLE_SELF_SIGNED)));
  await read;
  const extra: string[] = [];
  for (let n = 533; n < 533 + EXTRA_LINES; n++) {
    extra.push(
      n === LATER_WARNING
        ? "2024-03-05T04:20:01.102-05:00 expc1 traffic_server[2030]: [ET_NET 2] WARNING: Core server certificate verification failed for (cucm-sub1.acme.test). Action=Terminate Error=self signed certificate server=cucm-sub1.acme.test(192.0.2.11) depth=0"
        : `2024-03-05T04:13:${String(n % 60).padStart(2, "0")}.000-05:00 expc1 tvcs: UTCTime="2024-03-05 09:13:00,000" Module="network.sip" Level="DEBUG":  Action="Received" Local-ip="192.0.2.5" Local-port="5061" Src-ip="198.51.100.23" Src-port="50112" Msg-Hash="${n}"`,
    );
  }
  const log = files.get(LOG)!.toString("utf8");
  files.set(LOG, Buffer.from(`${log}${log.endsWith("\n") ? "" : "\n"}${extra.join("\n")}\n`));
  return makeTarGz([...files].map(([name, content]) => ({ name, content })));
}

test.beforeAll(async () => {
  test.setTimeout(300_000); // the first start after a source change builds the portal
  portal = await startPortal();
  user = await createTestUser(portal.url);
  const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(await longSample()), headers: { ...user.auth, "X-Filename": "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz" } });
  id = (await res.json()).id;
  const analysis = await waitForAnalysis(portal.url, id, user.auth);
  const card = analysis.results.find((r: { signatureId: string }) => r.signatureId === SIGNATURE);
  evidenceLine = card.evidence.find((e: { text: string }) => e.text.includes("WARNING")).line;
});
test.beforeEach(async ({ context }) => {
  await addSessionCookie(context, portal.url, user.cookie);
});
test.afterAll(async () => {
  await portal?.dispose();
});

test("an evidence line opens the viewer on that line; search finds the next WARNING and back; the card is one click away", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${portal.url}/analyses/${id}`);
  const card = page.locator(`[data-testid="result-card"][data-signature-id="${SIGNATURE}"]`);
  await card.getByTestId("evidence-line-link").filter({ hasText: String(evidenceLine) }).first().click();
  await page.waitForURL(new RegExp(`/analyses/${id}/files/.+\\?line=${evidenceLine}&card=sig-`));

  const current = page.getByTestId("current-line");
  await expect(current).toHaveAttribute("data-line", String(evidenceLine));
  await expect(current).toContainText("WARNING: Core server certificate verification failed for (cucm-pub.acme.test)");
  await expect(current).toHaveAttribute("data-evidence", "yes");
  await expect(current).toBeInViewport();
  await expect(page.getByTestId("viewer-status")).toContainText(`Line ${evidenceLine} of ${(532 + EXTRA_LINES).toLocaleString("en-US")}`);

  await page.getByTestId("log-search").fill("WARNING");
  await page.getByTestId("search-next").click();
  await expect(current).toHaveAttribute("data-line", String(LATER_WARNING));
  await expect(current).toContainText("cucm-sub1.acme.test");
  await expect(current).toBeInViewport();
  expect(new URL(page.url()).searchParams.get("line")).toBe(String(LATER_WARNING));
  await page.screenshot({ path: "test-results/log-viewer-wide.png" });

  await page.getByTestId("search-prev").click();
  await expect(current).toHaveAttribute("data-line", String(evidenceLine));

  await page.getByTestId("back-to-card").click();
  await page.waitForURL(new RegExp(`/analyses/${id}#sig-${SIGNATURE}$`));
  await expect(card).toBeInViewport();
});

test("opens a line deep in the file, scrolls both ways, filters by level, and fits a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const deep = 25_000;
  await page.goto(`${portal.url}/analyses/${id}/files/${encodeURIComponent(LOG)}?line=${deep}`);
  const current = page.getByTestId("current-line");
  await expect(current).toHaveAttribute("data-line", String(deep));
  await expect(current).toContainText(`Msg-Hash="${deep}"`);
  const lines = page.getByTestId("log-lines");
  await lines.hover();
  await page.mouse.wheel(0, -2000);
  await expect(lines.locator(`[data-line="${deep - 100}"]`)).toContainText(`Msg-Hash="${deep - 100}"`);
  await page.mouse.wheel(0, 4000);
  await expect(lines.locator(`[data-line="${deep + 100}"]`)).toContainText(`Msg-Hash="${deep + 100}"`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: "test-results/log-viewer-narrow.png" });

  await page.getByTestId("filter-level").selectOption("warn");
  const filtered = page.getByTestId("filtered-lines");
  await expect(filtered).toContainText("cucm-pub.acme.test");
  await expect(filtered).toContainText("cucm-sub1.acme.test");
  await expect(filtered).not.toContainText("Msg-Hash");
});

test("prints the overview without navigation or buttons, every card in full, nothing wider than the page", async ({ page }) => {
  // A4 at 96 dpi, less the page margins
  await page.setViewportSize({ width: 700, height: 1000 });
  await page.goto(`${portal.url}/analyses/${id}`);
  await expect(page.getByTestId("result-card").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByTestId("report-buttons")).toBeHidden();
  await expect(page.locator("button:visible")).toHaveCount(0);
  await expect(page.getByRole("tablist", { name: "Findings by outcome" })).toBeHidden();
  await expect(page.getByTestId("share-panel")).toBeHidden();
  const analysis = await (await fetch(`${portal.url}/api/analyses/${id}`, { headers: user.auth })).json();
  // as the tabs show them: checks folded into another card (partOf) print inside it
  await expect(page.getByTestId("printed-result-card")).toHaveCount(analysis.results.filter((r: { partOf?: string }) => !r.partOf).length);
  // every card's sections are there, e.g. the action of each issue
  for (const r of analysis.results.filter((r: { outcome: string }) => r.outcome === "issue")) {
    const printed = page.locator(`[data-testid="printed-result-card"][data-signature-id="${r.signatureId}"]`);
    await expect(printed).toContainText("Action");
    for (const d of r.defects) await expect(printed.getByText(d, { exact: true }).first()).toBeVisible();
  }
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    return [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > limit;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className).slice(0, 60)} right=${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 10);
  });
  expect(wide).toEqual([]);
  await page.screenshot({ path: "test-results/overview-print.png", fullPage: true });
  await page.getByTestId("printed-result-card").first().screenshot({ path: "test-results/overview-print-card.png" });
});
