// Cases in the browser: drop the bundles of one incident at once and get one case page; add a bundle
// to it; compare an Expressway's bundle before and after a fix from its timeline and from the history.
import { expect, test, type Page } from "@playwright/test";
import { addSessionCookie, createTestUser, type TestUser } from "../helpers/accounts";
import { startPortal, waitForAnalysis, type Portal } from "../helpers/portal";
import { caseFileName, expresswayCBundle, expresswayCFixedBundle, expresswayEBundle } from "../fixtures/case-bundles";
import { CLUSTER_BUNDLE_NAME, clusterBundle } from "../fixtures/cluster-bundle";
import { CASE_SIP_C_NAME, CASE_SIP_E_NAME, caseSipBundles } from "../fixtures/sip/case-sip-bundles";
import { C, E } from "../fixtures/sip/sip-fixtures";

const SIGNATURE = "x14-2-traffic-server-verification";
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

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: `test-results/${name}-wide.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: `test-results/${name}-narrow.png`, fullPage: true });
  await noHorizontalScroll(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
}

test("two bundles dropped at once are each peeked and listed, and one Analyze opens one case page naming both Expressways", async ({ page }) => {
  const files = [
    { name: caseFileName("expc1"), bytes: [...(await expresswayCBundle())] },
    { name: caseFileName("expe1"), bytes: [...(await expresswayEBundle())] },
  ];
  await page.goto(`${portal.url}/`);
  // A real drop: a DataTransfer holding both files, dispatched on the drop zone.
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: "application/gzip" }));
    return dt;
  }, files);
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
  const listed = page.getByTestId("multi-upload-file");
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toHaveAttribute("data-state", "ready");
  await expect(listed.nth(1)).toHaveAttribute("data-state", "ready");
  await expect(page.getByTestId("multi-upload-host")).toHaveText(["expc1", "expe1"]);
  await expect(page.getByTestId("multi-upload")).toContainText("2 bundles from 2 Expressways");
  await shoot(page, "case-upload");

  await expect(page.getByTestId("analyze-button")).toHaveText("Analyze 2 bundles");
  await page.getByTestId("analyze-button").click();
  await page.waitForURL(/\/cases\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByTestId("case-view")).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  await expect(page.getByTestId("case-peer")).toHaveCount(2);
  await expect(page.getByTestId("case-peer-version")).toHaveText(["X14.2.1", "X14.2.1"]);

  const card = page.locator(`[data-testid="result-card"][data-signature-id="${SIGNATURE}"]`);
  await expect(card).toHaveAttribute("data-outcome", "issue");
  const seen = card.getByTestId("seen-on-peer");
  await expect(seen).toHaveCount(2);
  await expect(card.locator('[data-testid="seen-on-peer"][data-role="cause"]')).toContainText("expc1");
  await expect(card.locator('[data-testid="seen-on-peer"][data-role="symptom"]')).toContainText("expe1");
  await expect(card).toContainText("This failure on expc1 explains the 502 that expe1 answered for 2 requests");

  const requests = page.getByTestId("case-request");
  await expect(requests).toHaveCount(2);
  await expect(requests.first().getByTestId("case-request-hop")).toHaveCount(2);
  await expect(requests.first()).toContainText("explained by certificate verification failed");
  await shoot(page, "case");

  // Each peer links to its own analysis.
  await page.getByTestId("case-peer-link").first().click();
  await page.waitForURL(/\/analyses\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByTestId("analysis-view")).toHaveAttribute("data-status", "done");
});

test("the case's Calls view lists the call -E and -C both logged once, its ladder spanning both Expressways", async ({ page }) => {
  const { e, c } = await caseSipBundles();
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(e)]), CASE_SIP_E_NAME);
  form.append("file", new Blob([new Uint8Array(c)]), CASE_SIP_C_NAME);
  const created = await (await fetch(`${portal.url}/api/analyses`, { method: "POST", body: form, headers: user.auth })).json();
  await page.goto(`${portal.url}${created.url}`);
  await expect(page.getByTestId("case-view")).toHaveAttribute("data-status", "done", { timeout: 90_000 });

  const panel = page.getByTestId("case-calls").getByTestId("calls-panel");
  await expect(panel.getByTestId("sip-tab-registrations")).toHaveCount(0);
  const rows = panel.getByTestId("call-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute("data-state", "rejected");
  const joined = panel.locator("li", { has: page.locator('[data-testid="call-row"][data-state="answered"]') });
  await expect(joined.getByTestId("case-call-peer")).toHaveText([E.host, C.host]);
  await expect(page.getByTestId("case-calls-joined")).toContainText("1 of 2 calls seen on more than one Expressway");
  await shoot(page, "case-calls");

  // the 488 card's ladder link opens that call in the case's Calls view
  await page.getByTestId("affected-calls").first().getByRole("link").first().click();
  await expect(panel.getByTestId("call-title")).toContainText("sip:room12@example.com → sip:2002@example.com");
  await panel.getByRole("button", { name: "← All calls" }).click();

  await joined.getByTestId("call-row").click();
  await expect(panel.getByTestId("call-view").getByTestId("case-call-peer")).toHaveCount(2);
  const ladder = panel.getByTestId("ladder");
  await expect(ladder).toHaveAttribute("aria-label", /between 5 entities/);
  // the INVITE from -E to -C is drawn once, and says the other box logged it too
  const invite = panel.locator(`[data-testid="ladder-arrow"][aria-label*="INVITE from ${E.host} to ${C.host}"]`);
  await expect(invite).toHaveCount(1);
  await invite.click();
  await expect(panel.getByTestId("sip-message-source")).toContainText(`${E.host}: loggingsnapshot_`);
  await expect(panel.getByTestId("sip-message-also")).toContainText(`also logged by ${C.host}: loggingsnapshot_`);
  await expect(panel.getByTestId("sip-message-text")).toContainText("INVITE sip:1004@");
  await shoot(page, "case-call-ladder");
  await page.setViewportSize({ width: 390, height: 900 });
  await panel.screenshot({ path: "test-results/case-call-ladder-panel-narrow.png" });
});

test("an archive holding one folder per peer is announced before upload and becomes a case of one analysis per peer", async ({ page }) => {
  await page.goto(`${portal.url}/`);
  await page.getByTestId("upload-input").setInputFiles({ name: CLUSTER_BUNDLE_NAME, mimeType: "application/gzip", buffer: await clusterBundle() });
  await expect(page.getByTestId("split-note")).toContainText("expc1, expc2, expc3");
  await page.getByTestId("analyze-button").click();
  await page.waitForURL(/\/cases\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByTestId("case-peer")).toHaveCount(3, { timeout: 90_000 });
  await expect(page.getByTestId("case-view")).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  await expect(page.getByTestId("case-peer")).toContainText(["expc1/ in", "expc2/ in", "expc3/ in"]);
  // A peer's own analysis leads back to its case.
  await page.getByTestId("case-peer-link").nth(1).click();
  await page.waitForURL(/\/analyses\/[A-Za-z0-9_-]{20,}$/);
  await page.getByTestId("case-link").click();
  await page.waitForURL(/\/cases\/[A-Za-z0-9_-]{20,}$/);
});

test("Add a bundle puts another peer in the case; its different version is flagged", async ({ page }) => {
  const form = new FormData();
  form.append("file", new Blob([await expresswayCBundle({ host: "expc3" })]), caseFileName("expc3"));
  form.append("file", new Blob([await expresswayCBundle({ host: "expc4" })]), caseFileName("expc4"));
  const created = await (await fetch(`${portal.url}/api/analyses`, { method: "POST", body: form, headers: user.auth })).json();
  await page.goto(`${portal.url}${created.url}`);
  await expect(page.getByTestId("case-view")).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  await page.getByTestId("add-bundle-input").setInputFiles({ name: caseFileName("expc5"), mimeType: "application/gzip", buffer: await expresswayCBundle({ host: "expc5", version: "X14.0.7" }) });
  await expect(page.getByTestId("case-peer")).toHaveCount(3);
  await expect(page.getByTestId("case-view")).toHaveAttribute("data-status", "done", { timeout: 90_000 });
  const versions = page.locator('[data-testid="result-card"][data-signature-id="case-peer-versions"]');
  await page.getByTestId("tab-potential").click();
  await expect(versions).toContainText("expc5 X14.0.7");
  await expect(page.locator('[data-testid="case-peer"]', { hasText: "expc5" }).getByTestId("case-peer-version")).toHaveAttribute("title", /Differs/);
});

test("the compare page, from the host timeline and from the history, lists the certificate failure the fix resolved", async ({ page }) => {
  const send = async (bytes: Buffer, name: string) =>
    (await (await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(bytes), headers: { ...user.auth, "X-Filename": name } })).json()).id as string;
  // Uploaded after-first: the timeline orders by collection time, not upload time.
  const after = await send(await expresswayCFixedBundle({ host: "expc7" }), caseFileName("expc7", "2024-03-06_15_00_00"));
  const before = await send(await expresswayCBundle({ host: "expc7" }), caseFileName("expc7"));
  await waitForAnalysis(portal.url, after, user.auth);
  await waitForAnalysis(portal.url, before, user.auth);

  await page.goto(`${portal.url}/hosts/expc7`);
  await expect(page.getByTestId("timeline-label")).toHaveText(["2024-03-05 04:12", "2024-03-06 10:00"]);
  await expect(page.getByTestId("compare-previous")).toHaveCount(1);
  await page.getByTestId("compare-previous").click();
  await page.waitForURL(new RegExp(`/analyses/${after}/compare/${before}$`));
  const resolved = page.getByTestId("compare-resolved");
  await expect(resolved.locator(`[data-signature-id="${SIGNATURE}"]`)).toContainText("no longer affected: cucm-pub.acme.test:6972");
  await expect(page.getByTestId("compare-before")).toContainText("2024-03-05 04:12");
  await expect(page.getByTestId("compare-after")).toContainText("2024-03-06 10:00");
  await expect(page.getByTestId("compare-appeared")).toHaveCount(0);
  await shoot(page, "compare");

  await page.goto(`${portal.url}/analyses?q=expc7`);
  await page.locator(`[data-testid="history-row"][data-analysis-id="${after}"]`).getByTestId("compare-previous-link").click();
  await page.waitForURL(new RegExp(`/analyses/${after}/compare/${before}$`));
  await expect(page.getByTestId("compare-resolved")).toBeVisible();
  await page.goto(`${portal.url}/analyses/${before}/compare/previous`);
  await expect(page.getByTestId("compare-none")).toContainText("No earlier finished analysis of expc7");
});
