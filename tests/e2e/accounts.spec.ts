// Private analyses end to end in Chromium: user A uploads; user B (another workspace) gets 404 for A's
// analysis page and API; A shares a link; B opens it read-only without signing in; A revokes it and it
// stops working; A's teammate sees the analysis in the workspace history; a script with A's token
// uploads and reads through the API, and without a token gets 401.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueEmail } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, SAMPLE_SNI, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";

let portal: Portal;
const SIGNATURE = "x14-2-traffic-server-verification";

test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => {
  await portal?.dispose();
});

async function signUpThroughPage(browser: Browser, label: string, next = "/") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await page.goto(`${portal.url}/sign-up?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Name").fill(label.toUpperCase());
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(`${label}-secret-password`);
  await page.getByTestId("sign-up-submit").click();
  await page.waitForURL(`${portal.url}${next}`);
  return { context, page, email };
}

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
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("private analyses: workspace access, share links, invites and API tokens", async ({ browser }) => {
  // Signed out, the portal asks to sign in.
  const anonymous = await browser.newContext();
  const anonPage = await anonymous.newPage();
  await anonPage.goto(`${portal.url}/`);
  await expect(anonPage).toHaveURL(/\/sign-in\?next=%2F$/);
  await shoot(anonPage, "sign-in");

  // A signs up and uploads through the page.
  const a = await signUpThroughPage(browser, "alice");
  await a.page.getByTestId("upload-input").setInputFiles(SAMPLE_SELF_SIGNED);
  await expect(a.page.getByTestId("bundle-peek")).toContainText("expc1");
  await a.page.getByTestId("analyze-button").click();
  await a.page.waitForURL(/\/analyses\/[A-Za-z0-9_-]{20,}$/);
  const analysisUrl = a.page.url();
  const id = analysisUrl.split("/").pop()!;
  const card = a.page.locator(`[data-testid="result-card"][data-signature-id="${SIGNATURE}"]`);
  await expect(card).toContainText("CSCwc69661");

  // B, in another workspace, gets 404 for the page and the API.
  const b = await signUpThroughPage(browser, "bob");
  const bView = await b.page.goto(analysisUrl);
  expect(bView?.status()).toBe(404);
  await expect(b.page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  const bApi = await b.page.request.get(`${portal.url}/api/analyses/${id}`);
  expect(bApi.status()).toBe(404);
  expect((await bApi.json()).error.code).toBe("not_found");
  await b.page.goto(`${portal.url}/analyses`);
  await expect(b.page.locator("body")).toContainText("No analyses yet");

  // A creates a share link.
  await a.page.getByTestId("create-share").click();
  const shareUrl = await a.page.getByTestId("new-share-url").inputValue();
  expect(shareUrl).toMatch(/\/s\/eas_[A-Za-z0-9_-]{43}$/);
  // The link stays listed with its URL after a reload (not shown once only).
  await a.page.reload();
  await expect(a.page.locator('[data-testid="share-row"][data-state="active"] [data-testid="share-url"]')).toHaveValue(shareUrl);
  await shoot(a.page, "analysis-owner");

  // B opens it signed out (a fresh browser): read-only, no actions.
  await anonPage.goto(shareUrl);
  await expect(anonPage.getByTestId("read-only-banner")).toBeVisible();
  await expect(anonPage.locator(`[data-testid="result-card"][data-signature-id="${SIGNATURE}"]`)).toContainText("CSCwc69661");
  await expect(anonPage.getByTestId("share-panel")).toHaveCount(0);
  await expect(anonPage.getByTestId("delete-analysis")).toHaveCount(0);
  await shoot(anonPage, "shared-view");

  // A sees the open counted, revokes, and the link stops working at once.
  await a.page.reload();
  await expect(a.page.getByTestId("share-opens").first()).toContainText("Opened 1 time");
  await a.page.getByTestId("revoke-share").click();
  await expect(a.page.locator('[data-testid="share-row"][data-state="revoked"]')).toHaveCount(1);
  await anonPage.goto(shareUrl);
  await expect(anonPage.getByTestId("link-gone")).toHaveAttribute("data-state", "revoked");
  await expect(anonPage.getByRole("heading", { name: "This share link was revoked" })).toBeVisible();
  await expect(anonPage.locator("body")).not.toContainText("upload the bundle");
  await expect(anonPage.getByTestId("result-card")).toHaveCount(0);
  await shoot(anonPage, "share-revoked");

  // A invites a teammate, who signs up through the link and sees the analysis in the workspace history.
  await a.page.goto(`${portal.url}/settings`);
  const mateEmail = uniqueEmail("carol");
  await a.page.getByTestId("invite-email").fill(mateEmail);
  await a.page.getByTestId("create-invite").click();
  const inviteUrl = await a.page.getByTestId("new-invite-url").inputValue();
  const mateContext = await browser.newContext();
  const mate = await mateContext.newPage();
  // Signing up from the invite: the invited address is filled in, one submit joins, no personal workspace.
  await mate.goto(inviteUrl);
  await mate.getByRole("link", { name: "Create an account" }).click();
  await expect(mate.getByLabel("Email")).toHaveValue(mateEmail);
  await mate.getByLabel("Password").fill("carol-secret-password");
  await mate.getByTestId("sign-up-submit").click();
  await mate.waitForURL(`${portal.url}/analyses`);
  await expect(mate.locator(`[data-testid="history-row"][data-analysis-id="${id}"]`)).toBeVisible();
  const mateWorkspaces = await (await mate.request.get(`${portal.url}/api/workspace`)).json();
  expect(mateWorkspaces.workspaces.map((w: { id: string }) => w.id)).toEqual([mateWorkspaces.workspace.id]);
  expect(mateWorkspaces.members.map((m: { email: string }) => m.email)).toContain(a.email);
  // The used invite says so instead of a 404.
  await mate.goto(inviteUrl);
  await expect(mate.getByTestId("link-gone")).toHaveAttribute("data-state", "used");
  await expect(mate.locator("body")).toContainText("You are a member of");
  await mate.goto(analysisUrl);
  await expect(mate.locator(`[data-testid="result-card"][data-signature-id="${SIGNATURE}"]`)).toContainText("CSCwc69661");

  // A creates an API token in settings; a script uploads and reads with it, and gets 401 without it.
  await a.page.goto(`${portal.url}/settings`);
  await a.page.getByTestId("token-name").fill("lab CI");
  await a.page.getByTestId("create-token").click();
  const token = await a.page.getByTestId("new-token-value").inputValue();
  expect(token).toMatch(/^eat_/);
  await expect(a.page.getByTestId("member-row")).toHaveCount(2);
  await shoot(a.page, "settings");

  const auth = { authorization: `Bearer ${token}` };
  const uploaded = await fetch(`${portal.url}/api/analyses`, {
    method: "POST",
    body: await readFile(SAMPLE_SNI),
    headers: { ...auth, "X-Filename": path.basename(SAMPLE_SNI) },
  });
  expect(uploaded.status).toBe(202);
  const { id: scripted } = await uploaded.json();
  expect((await waitForAnalysis(portal.url, scripted, auth)).status).toBe("done");
  const listed = await (await fetch(`${portal.url}/api/analyses`, { headers: auth })).json();
  expect(listed.items.map((i: any) => i.id)).toEqual([scripted, id]);
  expect((await fetch(`${portal.url}/api/analyses/${scripted}`)).status).toBe(401);
  expect((await fetch(`${portal.url}/api/analyses`, { method: "POST", body: "x", headers: { "X-Filename": "a.tar.gz" } })).status).toBe(401);

  // History: search and the per-host view.
  await a.page.goto(`${portal.url}/analyses`);
  await expect(a.page.getByTestId("history-row")).toHaveCount(2);
  await a.page.getByTestId("history-search").fill("10_02_11");
  await a.page.getByTestId("apply-filters").click();
  await expect(a.page.getByTestId("history-row")).toHaveCount(1);
  await a.page.goto(`${portal.url}/analyses`);
  await shoot(a.page, "history-search");
  await a.page.getByTestId("host-link").first().click();
  await expect(a.page.getByTestId("timeline-point")).toHaveCount(2);
  await shoot(a.page, "host");

  for (const c of [anonymous, a.context, b.context, mateContext]) await c.close();
});
