// The certificates panel: one row per server:port, expandable chain details, a PEM download, the
// sessions behind it, and the failing node's card naming the certificate from the capture.
import { writeFile, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { addSessionCookie, createTestUser } from "../helpers/accounts";
import { startPortal, type Portal } from "../helpers/portal";
import { TLS_BUNDLE_NAME, tlsBundle } from "../fixtures/tls-bundle";

let portal: Portal;
let bundlePath: string;
let sessionCookie: string;

test.beforeAll(async () => {
  portal = await startPortal();
  sessionCookie = (await createTestUser(portal.url)).cookie;
  bundlePath = path.join(await mkdtemp(path.join(os.tmpdir(), "ea-e2e-")), TLS_BUNDLE_NAME);
  await writeFile(bundlePath, await tlsBundle());
});
test.beforeEach(async ({ context }) => {
  await addSessionCookie(context, portal.url, sessionCookie);
});
test.afterAll(async () => {
  await portal?.dispose();
});

test("the certificates panel shows the 8443 / 6972 split, details, a PEM download and the sessions", async ({ page }) => {
  await page.goto(`${portal.url}/`);
  await page.getByTestId("upload-input").setInputFiles(bundlePath);
  await page.getByTestId("analyze-button").click();
  await page.waitForURL(/\/analyses\/[A-Za-z0-9_-]{20,}$/);

  const panel = page.getByTestId("certificates-panel");
  await expect(panel).toBeVisible();
  const ec = panel.locator('[data-testid="certificate-row"][data-server="10.10.20.21:6972"]');
  const rsa = panel.locator('[data-testid="certificate-row"][data-server="10.10.20.21:8443"]');
  await expect(ec).toContainText("cucm-EC.steven.lab");
  await expect(ec).toContainText("Self-signed");
  await expect(ec).toContainText("Not trusted");
  await expect(rsa).toContainText("cucm-ms.steven.lab");
  await expect(panel.locator('[data-testid="certificate-row"][data-server="10.10.20.30:8443"]')).toContainText("certificate not visible: TLS 1.3");

  // the failing node's card names the certificate from the capture
  const card = page.locator('[data-testid="result-card"][data-signature-id="x14-2-traffic-server-verification"]');
  await expect(card.getByTestId("presented-certificate")).toContainText("self-signed ECDSA P-256 certificate, CN cucm-EC.steven.lab");

  // expand the row, then the certificate
  await rsa.locator("summary").first().click();
  const cert = rsa.getByTestId("certificate").first();
  await cert.locator("summary").click();
  await expect(cert).toContainText("cups.steven.lab, steven.lab, cucm.steven.lab, 10.10.20.21");
  await expect(cert).toContainText("sha256WithRSAEncryption");
  const link = cert.getByTestId("pem-download");
  await expect(link).toHaveAttribute("download", "cucm-ms.steven.lab.pem");
  const href = await link.getAttribute("href");
  expect(decodeURIComponent(href!.slice(href!.indexOf(",") + 1))).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n?$/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("cucm-ms.steven.lab.pem");
  await expect(rsa.getByTestId("tls-sessions")).toContainText("10.10.20.5:40001");
  await expect(rsa.getByTestId("tls-sessions")).toContainText("SNI cucm.steven.lab");

  await ec.locator("summary").first().click();
  await expect(ec.getByTestId("tls-sessions")).toContainText("unknown_ca");

  await page.setViewportSize({ width: 1440, height: 1000 });
  await panel.screenshot({ path: "test-results/certificates-wide.png" });
  await page.setViewportSize({ width: 390, height: 900 });
  await panel.screenshot({ path: "test-results/certificates-narrow.png" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
