// The pages under the Content-Security-Policy: each one must still work in Chromium (scripts hydrate,
// forms post, fetches land) without the browser reporting a single CSP violation, and the portal must
// not render inside another site's frame.
import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, startPortal, type Portal } from "../helpers/portal";

let portal: Portal;

test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => {
  await portal?.dispose();
});

/** Collects what the browser says about CSP: violation events in the page and console messages. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/content security policy|refused to (execute|load|apply|connect|frame)/i.test(m.text())) messages.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => {
    if (/content security policy/i.test(e.message)) messages.push(`error: ${e.message}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []))];
}

test("sign-up, upload, overview, share page and settings work under the CSP with no violations", async ({ page, browser }) => {
  const violations = await watchCsp(page);
  const seen: string[] = [];
  const check = async (where: string) => seen.push(...(await violations()).map((v) => `${where}: ${v}`));

  // sign-up and sign-in through the form (client-side script posts it)
  await page.goto(`${portal.url}/sign-up`);
  await page.getByLabel("Email").fill(uniqueEmail("csp"));
  await page.getByLabel("Password").fill("csp-check-passphrase");
  await page.getByTestId("sign-up-submit").click();
  await page.waitForURL(`${portal.url}/`);
  await check("sign-up");

  // upload: the browser looks inside the bundle before sending it, then the overview opens
  await page.getByTestId("upload-input").setInputFiles(SAMPLE_SELF_SIGNED);
  await expect(page.getByTestId("bundle-peek")).toContainText("expc1");
  await check("upload");
  await page.getByTestId("analyze-button").click();
  await page.waitForURL(/\/analyses\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByTestId("result-card").first()).toBeVisible({ timeout: 60_000 });
  await check("overview");

  // a share link, opened by someone without an account
  await page.getByTestId("create-share").click();
  const shareUrl = (await page.getByTestId("new-share-url").inputValue()).trim();
  expect(shareUrl).toMatch(/\/s\/eas_/);
  const stranger = await browser.newPage();
  const strangerViolations = await watchCsp(stranger);
  await stranger.goto(shareUrl.startsWith("http") ? shareUrl : `${portal.url}${shareUrl}`);
  await expect(stranger.getByTestId("read-only-banner")).toBeVisible();
  await expect(stranger.getByTestId("result-card").first()).toBeVisible();
  seen.push(...(await strangerViolations()).map((v) => `share page: ${v}`));
  await stranger.close();

  // settings: panels load their data with fetch after hydration
  await page.goto(`${portal.url}/settings`);
  await page.getByTestId("token-name").fill("csp check");
  await page.getByTestId("create-token").click();
  await expect(page.getByTestId("new-token")).toBeVisible();
  await expect(page.getByTestId("account-panel")).toBeVisible();
  await check("settings");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.screenshot({ path: `test-results/settings-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `settings at ${width} px`).toBeLessThanOrEqual(1);
  }

  // a weak password is refused with the reason, on the page
  await page.getByLabel("Current password").fill("csp-check-passphrase");
  await page.getByLabel("New password").fill("password1234");
  await page.getByTestId("change-password").click();
  await expect(page.getByTestId("account-panel").getByRole("alert")).toContainText(/common passwords/);
  await check("settings, weak password");

  expect(seen).toEqual([]);
});

test("the sign-in page refuses to be framed by another site", async ({ page }) => {
  const framed: string[] = [];
  page.on("console", (m) => framed.push(m.text()));
  // a page of "another site" framing the portal
  await page.setContent(`<iframe id="f" src="${portal.url}/sign-in"></iframe>`);
  await expect.poll(() => framed.some((t) => /frame-ancestors|refused to (display|frame)/i.test(t)), { timeout: 10_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().startsWith(portal.url));
  const rendered = frame ? await frame.locator("form").count().catch(() => 0) : 0;
  expect(rendered, "the sign-in form must not render inside another site").toBe(0);
});
