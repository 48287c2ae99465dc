// The catalog in the browser: the signatures page, the MRA requests view with its filters, the
// cluster card, evidence context and re-analyze with its "What changed" panel.
import { expect, test } from "@playwright/test";
import { addSessionCookie, createTestUser, type TestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, startPortal, type Portal } from "../helpers/portal";
import { CLUSTER_BUNDLE_NAME, clusterBundle } from "../fixtures/cluster-bundle";
import { readFile } from "node:fs/promises";
import path from "node:path";

let portal: Portal;
let user: TestUser;
test.beforeAll(async () => {
  portal = await startPortal();
  user = await createTestUser(portal.url);
});
test.beforeEach(async ({ context }) => {
  await addSessionCookie(context, portal.url, user.cookie);
});
test.afterAll(async () => {
  await portal?.dispose();
});

async function uploadApi(body: Uint8Array, fileName: string): Promise<string> {
  const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(body), headers: { ...user.auth, "X-Filename": fileName } });
  const { id } = await res.json();
  for (let i = 0; i < 300; i++) {
    const a = await (await fetch(`${portal.url}/api/analyses/${id}`, { headers: user.auth })).json();
    if (a.status === "done") return id;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("analysis did not finish");
}

async function noHorizontalScroll(page: import("@playwright/test").Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

test("the signatures page lists every signature with what it needs, linked from the navigation", async ({ page }) => {
  await page.goto(`${portal.url}/`);
  await page.getByRole("link", { name: "Signatures" }).click();
  await page.waitForURL(/\/signatures$/);
  const catalog = await (await fetch(`${portal.url}/api/signatures`, { headers: user.auth })).json();
  await expect(page.getByTestId("catalog-entry")).toHaveCount(catalog.signatures.length);
  const x142 = page.locator('[data-testid="catalog-entry"][data-signature-id="x14-2-traffic-server-verification"]');
  await expect(x142).toContainText("CSCwc69661");
  await expect(x142).toContainText("X14.2.0 and later");
  await expect(x142).toContainText("xstat_dump");
  await expect(page.getByTestId("catalog-version")).toHaveText(catalog.catalogVersion);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: "test-results/signatures-wide.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "test-results/signatures-narrow.png", fullPage: true });
  await noHorizontalScroll(page);
});

test("the catalog filters by search, area and defect ID, and each signature has a page with its facts, outcomes and references", async ({ page }) => {
  await page.goto(`${portal.url}/signatures`);
  const all = await page.getByTestId("catalog-entry").count();
  await page.getByTestId("catalog-defect").fill("CSCwc69661");
  await expect(page.locator('[data-testid="catalog-entry"][data-signature-id="x14-2-traffic-server-verification"]')).toBeVisible();
  expect(await page.getByTestId("catalog-entry").count()).toBeLessThan(all);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("catalog-entry")).toHaveCount(all);
  await page.getByTestId("catalog-area").selectOption("Clustering");
  await page.getByTestId("catalog-search").fill("cluster-database");
  await expect(page.getByTestId("catalog-entry")).toHaveCount(1);
  await page.getByRole("link", { name: "Cluster database inconsistent between peers" }).click();
  await page.waitForURL(/\/signatures\/cluster-database-inconsistent$/);
  const detail = page.getByTestId("signature-detail");
  await expect(detail).toContainText("Inconsistent Database");
  await expect(page.getByTestId("signature-facts")).toContainText("events");
  await expect(page.getByTestId("signature-outcomes").locator("[data-outcome]")).toHaveCount(4);
  await expect(page.getByTestId("signature-references")).toContainText("TN 217230");
  await page.setViewportSize({ width: 390, height: 900 });
  await noHorizontalScroll(page);
  await page.goto(`${portal.url}/signatures/no-such-signature`);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});

test("a cluster bundle shows one card naming the three broken nodes, and the MRA requests view filters", async ({ page }) => {
  const id = await uploadApi(await clusterBundle(), CLUSTER_BUNDLE_NAME);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${portal.url}/analyses/${id}`);
  const card = page.locator('[data-testid="result-card"][data-signature-id="x14-2-traffic-server-verification"]');
  for (const text of ["cucm-pub.acme.test", "cucm-sub1.acme.test", "192.0.2.12", "expc1", "expc2", "expc3", "expired", "not in certificate"]) await expect(card).toContainText(text);

  await card.getByTestId("toggle-context").click();
  await expect(card.locator("[data-context-line]").first()).toBeVisible();

  const mra = page.getByTestId("mra-requests");
  await expect(mra.getByTestId("mra-row")).toHaveCount(3);
  await expect(mra.getByTestId("mra-servers")).toContainText("cucm-sub1.acme.test:8443");
  await mra.getByTestId("mra-filter-user").fill("jdoe");
  await expect(mra.getByTestId("mra-row")).toHaveCount(1);
  await expect(mra.getByTestId("mra-row")).toContainText("certificate has expired");
  await mra.getByTestId("mra-filter-user").fill("");
  await mra.getByTestId("mra-filter-host").fill("192.0.2.12");
  await expect(mra.getByTestId("mra-row")).toHaveCount(1);
  await mra.getByTestId("mra-filter-host").fill("");
  await mra.getByTestId("mra-filter-failed").check();
  await expect(mra.getByTestId("mra-row")).toHaveCount(3);
  await expect(page.getByTestId("unexplained-warnings")).toBeVisible();
  await page.screenshot({ path: "test-results/cluster-wide.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "test-results/cluster-narrow.png", fullPage: true });
  await noHorizontalScroll(page);
});

test("Re-analyze re-runs the stored bundle; an unchanged catalog adds no What changed panel", async ({ page }) => {
  const id = await uploadApi(await readFile(SAMPLE_SELF_SIGNED), path.basename(SAMPLE_SELF_SIGNED));
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${portal.url}/analyses/${id}`);
  await expect(page.getByTestId("what-changed")).toHaveCount(0);
  await page.getByTestId("reanalyze-button").click();
  await expect(page.getByTestId("analysis-view")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(page.getByTestId("result-card").first()).toBeVisible();
  await expect(page.getByTestId("what-changed")).toHaveCount(0);
  await page.screenshot({ path: "test-results/reanalyzed-wide.png", fullPage: true });
});
