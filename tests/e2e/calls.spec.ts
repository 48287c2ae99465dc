// The Calls section: failed calls listed first, a failed call's ladder with the failing message open
// as text and its log line, another arrow's message on click, a card's link to a call's ladder, and
// the ladder scrolling inside its frame at 390 px while the page does not.
import { expect, test } from "@playwright/test";
import { addSessionCookie, createTestUser, type TestUser } from "../helpers/accounts";
import { startPortal, waitForAnalysis, type Portal } from "../helpers/portal";
import { SIP_BUNDLE_NAME, sipBundle } from "../fixtures/sip/sip-bundle";

let portal: Portal;
let user: TestUser;
let analysisId: string;

test.beforeAll(async () => {
  portal = await startPortal();
  user = await createTestUser(portal.url);
  const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(await sipBundle()), headers: { ...user.auth, "X-Filename": SIP_BUNDLE_NAME } });
  analysisId = (await res.json()).id;
  const a = await waitForAnalysis(portal.url, analysisId, user.auth);
  if (a.status !== "done") throw new Error(JSON.stringify(a.error));
});
test.beforeEach(async ({ context }) => {
  await addSessionCookie(context, portal.url, user.cookie);
});
test.afterAll(async () => {
  await portal?.dispose();
});

test("opens a failed call's ladder and reads the failing message", async ({ page }) => {
  await page.goto(`${portal.url}/analyses/${analysisId}`);
  const panel = page.getByTestId("calls-panel");
  await expect(panel.getByTestId("sip-tab-calls")).toContainText("3");
  const rows = panel.getByTestId("call-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute("data-state", "rejected");
  await expect(rows.last()).toHaveAttribute("data-state", "answered");

  await panel.getByTestId("call-row").filter({ hasText: "jorobb@rtp.ciscotac.net" }).click();
  await expect(panel.getByTestId("call-title")).toContainText("sip:pstojano-test@dmzlab.call.ciscospark.com → sip:jorobb@rtp.ciscotac.net");
  const arrows = panel.getByTestId("ladder-arrow");
  await expect(arrows).toHaveCount(2);
  await expect(arrows.nth(1)).toHaveAttribute("data-failure", "true");
  // the failing message is open first, as text, with the line it was logged on
  await expect(panel.getByTestId("sip-message-text")).toContainText("SIP/2.0 404 Not Found");
  await expect(panel.getByTestId("sip-message-text")).toContainText('Warning: 399 192.168.1.5:5061 "Policy Response"');
  await expect(panel.getByTestId("sip-message-source")).toContainText(/loggingsnapshot_vm-bluck-fed-vcsc1_.*\.txt:\d+/);
  await arrows.first().click();
  await expect(panel.getByTestId("sip-message-text")).toContainText("INVITE sip:jorobb@rtp.ciscotac.net SIP/2.0");
  await expect(page).toHaveURL(/[?&]call=c\d+/);
});

test("a card's link opens the ladder of the call it names", async ({ page }) => {
  await page.goto(`${portal.url}/analyses/${analysisId}?tab=issue`);
  const card = page.locator('[data-testid="result-card"][data-signature-id="sip-media-not-acceptable"]');
  await expect(card).toContainText("caller offered RTP only");
  await card.getByTestId("affected-calls").getByRole("link").first().click();
  const panel = page.getByTestId("calls-panel");
  await expect(panel.getByTestId("call-title")).toContainText("sip:2002@example.com");
  await expect(panel.getByTestId("sip-message-text")).toContainText("SIP/2.0 488 Not Acceptable Here");
});

test("at 390 px the ladder scrolls inside its frame and the page does not", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${portal.url}/analyses/${analysisId}`);
  const panel = page.getByTestId("calls-panel");
  await panel.getByTestId("call-row").filter({ hasText: "1004@vm-bluck-fed-cust2-cucm1" }).click();
  const frame = panel.getByTestId("ladder-frame");
  await expect(frame).toBeVisible();
  const { frameScroll, frameWidth, pageWidth } = await frame.evaluate((el) => ({ frameScroll: el.scrollWidth, frameWidth: el.clientWidth, pageWidth: document.documentElement.scrollWidth }));
  expect(frameScroll).toBeGreaterThan(frameWidth);
  expect(pageWidth).toBeLessThanOrEqual(390);
});
