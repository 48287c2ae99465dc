// Tried as a new user would: a bundle written the way real Expressway builds write it (message blocks
// with a leading space, native traffic_server lines without spaces, colons in the inner names). The
// overview names CSCwc69661, the node, the port and the cause; the reading report says what was read.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { addSessionCookie, createTestUser } from "../helpers/accounts";
import { startPortal, type Portal } from "../helpers/portal";
import * as L from "../fixtures/real-layouts/lines";
import { REAL_BUNDLE_NAME, realLayoutBundle } from "../fixtures/real-layouts/real-layout-bundle";

let portal: Portal;
let bundlePath: string;
let sessionCookie: string;

test.beforeAll(async () => {
  portal = await startPortal();
  sessionCookie = (await createTestUser(portal.url)).cookie;
  bundlePath = path.join(await mkdtemp(path.join(os.tmpdir(), "ea-e2e-")), REAL_BUNDLE_NAME);
  await writeFile(bundlePath, await realLayoutBundle({ log: [L.PROCESS_TOKENS, L.X142_SELF_SIGNED_6972, L.SIP_LEADING_SPACE_BLOCK, L.X142_SNI_BY_IP_8443] }));
});
test.beforeEach(async ({ context }) => {
  await addSessionCookie(context, portal.url, sessionCookie);
});
test.afterAll(async () => {
  await portal?.dispose();
});

test("a real-layout bundle: the X14.2 card names CSCwc69661, each node, port and cause, and the log was fully read", async ({ page }) => {
  await page.goto(`${portal.url}/`);
  await page.getByTestId("upload-input").setInputFiles(bundlePath);
  await page.getByTestId("analyze-button").click();
  await page.waitForURL(/\/analyses\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByTestId("analysis-view")).toHaveAttribute("data-status", "done", { timeout: 60_000 });

  await expect(page.getByTestId("product-line")).toContainText("Expressway-C · X14.2.1");
  await expect(page.getByTestId("product-decided-by")).toContainText("ExpresswaySeries");

  const card = page.locator('[data-testid="result-card"][data-signature-id="x14-2-traffic-server-verification"]');
  await expect(card).toHaveAttribute("data-outcome", "issue");
  await expect(card).toContainText("CSCwc69661");
  await expect(card).toContainText("cucm.steven.lab");
  await expect(card).toContainText("6972");
  await expect(card).toContainText("self signed certificate (depth 0)");
  await expect(card).toContainText("SNI 10.48.36.215 not in certificate");
  await expect(card).toContainText("8443");
  // the ECDSA possibility sits inside the card, not as a second issue
  await expect(card.getByTestId("folded-check")).toContainText("ECDSA");
  // one root cause, one card: no other issue card shows these nodes (the fixture's cluster alarm lines
  // from TN 217230 make cards of their own, for their own causes)
  await expect(page.locator('[data-testid="result-card"][data-outcome="issue"]').filter({ hasText: "cucm.steven.lab" })).toHaveCount(1);
  await expect(page.locator('[data-testid="result-card"][data-outcome="issue"]').filter({ hasText: "CSCwc69661" })).toHaveCount(1);

  const reading = page.getByTestId("reading-report");
  await expect(reading.getByTestId("not-understood")).toHaveText("0 not understood");

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await reading.locator("summary").first().click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `nothing wider than the page at ${width}px`).toBeLessThanOrEqual(0);
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `real-layouts-${width}.png`), fullPage: true });
      await reading.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `reading-${width}.png`) });
      await card.getByTestId("folded-check").screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `folded-${width}.png`) });
    }
    await reading.locator("summary").first().click();
  }
});
