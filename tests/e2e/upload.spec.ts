// A user's path through the browser: drop a bundle, see what it holds, analyse it, read the card.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { addSessionCookie, createTestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, SAMPLE_SNI, startPortal, type Portal } from "../helpers/portal";

const SIGNATURE = "x14-2-traffic-server-verification";
let portal: Portal;
let sessionCookie: string;
// A picture renamed to .tar.gz: the commonest wrong upload.
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);

test.beforeAll(async () => {
  portal = await startPortal();
  sessionCookie = (await createTestUser(portal.url)).cookie;
});

// Every test here acts as one signed-in user (accounts.spec.ts covers signing in through the pages).
test.beforeEach(async ({ context }) => {
  await addSessionCookie(context, portal.url, sessionCookie);
});
test.afterAll(async () => {
  await portal?.dispose();
});

async function uploadThroughPage(page: Page, file: string) {
  await page.goto(`${portal.url}/`);
  await page.getByTestId("upload-input").setInputFiles(file);
  await expect(page.getByTestId("bundle-peek")).toContainText("expc1");
  await expect(page.getByTestId("bundle-peek")).toContainText(/loggingsnapshot/);
  await page.getByTestId("analyze-button").click();
  await page.waitForURL(/\/analyses\/[A-Za-z0-9_-]{20,}$/);
}

function card(page: Page) {
  return page.locator(`[data-testid="result-card"][data-signature-id="${SIGNATURE}"]`);
}

test("the self-signed sample shows the CSCwc69661 card under Issues found, naming node, port and service", async ({ page }) => {
  await uploadThroughPage(page, SAMPLE_SELF_SIGNED);
  // The sample also trips the ECDSA-preference check; the tab counts every issue card.
  await expect(page.getByTestId("result-card").first()).toBeVisible();
  await expect(page.getByTestId("tab-issue")).toContainText(String(await page.getByTestId("result-card").count()));
  await expect(page.getByTestId("tab-issue")).toHaveAttribute("aria-selected", "true");
  await expect(card(page)).toHaveAttribute("data-outcome", "issue");
  await expect(card(page)).toContainText("CSCwc69661");
  await expect(card(page)).toContainText("cucm-pub.acme.test");
  await expect(card(page)).toContainText("192.0.2.10");
  await expect(card(page)).toContainText("6972");
  await expect(card(page)).toContainText(/self.signed/i);
  await expect(card(page)).toContainText("xConfiguration EdgeConfigServer VerifyOriginServer: Off");
  await expect(card(page)).toContainText("Core server certificate verification failed");

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: "test-results/overview-wide.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "test-results/overview-narrow.png", fullPage: true });
  // Nothing on a phone may widen the page beyond the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("the SNI sample shows the address-not-in-certificate cause on 8443", async ({ page }) => {
  await uploadThroughPage(page, SAMPLE_SNI);
  await expect(card(page)).toHaveAttribute("data-outcome", "issue");
  await expect(card(page)).toContainText("8443");
  await expect(card(page)).toContainText(/SNI|not in (the )?certificate/i);
});

test("the history lists both analyses, newest first, with links", async ({ page }) => {
  await page.goto(`${portal.url}/analyses`);
  const links = page.locator('a[href^="/analyses/"]');
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator("body")).toContainText("diagnostic_log_expc1_2024-03-05_10_02_11.tar.gz");
  await page.screenshot({ path: "test-results/history-wide.png", fullPage: true });
});

test("a file that is not an Expressway bundle is blocked before upload, and the server refuses it too", async ({ page }) => {
  await page.goto(`${portal.url}/`);
  await page.getByTestId("upload-input").setInputFiles({ name: "holiday.tar.gz", mimeType: "application/gzip", buffer: PNG_BYTES });
  await expect(page.getByTestId("bundle-peek")).toHaveAttribute("data-expressway", "no");
  await expect(page.getByTestId("peek-refusal")).toContainText(/neither gzip, tar nor text/);
  await expect(page.getByTestId("analyze-button")).toBeDisabled();
  // The server's own check, for clients that skip the page.
  const res = await page.request.post(`${portal.url}/api/analyses`, {
    headers: { "X-Filename": "holiday.tar.gz", "content-type": "application/octet-stream", origin: portal.url },
    data: PNG_BYTES,
  });
  expect(res.status()).toBe(415);
});

test("an empty file cannot be sent: the button stays off and the page says why", async ({ page }) => {
  await page.goto(`${portal.url}/`);
  await page.getByTestId("upload-input").setInputFiles({ name: "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz", mimeType: "application/gzip", buffer: Buffer.alloc(0) });
  // Blocked from the size alone at once; the check's own refusal then says it in the server's words.
  await expect(page.getByTestId("analyze-button")).toBeDisabled();
  await expect(page.locator('[data-testid="peek-refusal"], [data-testid="upload-blocked"]').first()).toHaveAttribute("data-code", "empty_file");
  await expect(page.getByTestId("bundle-peek")).not.toContainText("0+");
  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/analyses")) posted = true;
  });
  await page.getByTestId("analyze-button").click({ force: true });
  await page.waitForTimeout(300);
  expect(posted).toBe(false);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/upload-empty-${width}.png`, fullPage: true });
  }
});

test("a download cut off before anything readable is blocked before upload", async ({ page }) => {
  const whole = await readFile(SAMPLE_SELF_SIGNED);
  await page.goto(`${portal.url}/`);
  await page.getByTestId("upload-input").setInputFiles({ name: path.basename(SAMPLE_SELF_SIGNED), mimeType: "application/gzip", buffer: whole.subarray(0, 100) });
  await expect(page.getByTestId("peek-refusal")).toHaveAttribute("data-code", "truncated");
  await expect(page.getByTestId("analyze-button")).toBeDisabled();
});
