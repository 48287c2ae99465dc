// The overview reads like a diagnosis, asserted as layout facts in Chromium (not pixels): the first
// issue card starts on the first screen, nothing inside a card is wider than its frame at 1440 or
// 390 px, log lines wrap on a phone, cards collapse and list compactly, and every control in a card
// has a short accessible name. Also the flows around it: a revoked share link has its own page.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { addSessionCookie, createTestUser, type TestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";
import { CLUSTER_BUNDLE_NAME, clusterBundle } from "../fixtures/cluster-bundle";

let portal: Portal;
let user: TestUser;
let sample: string;
let cluster: string;

async function upload(body: Uint8Array, fileName: string): Promise<string> {
  const res = await fetch(`${portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(body), headers: { ...user.auth, "X-Filename": fileName } });
  expect(res.status).toBe(202);
  const { id } = await res.json();
  expect((await waitForAnalysis(portal.url, id, user.auth)).status).toBe("done");
  return id;
}

test.beforeAll(async () => {
  // Run on its own, the first start builds the portal (minutes on a busy machine).
  test.setTimeout(600_000);
  portal = await startPortal();
  user = await createTestUser(portal.url);
  sample = await upload(await readFile(SAMPLE_SELF_SIGNED), path.basename(SAMPLE_SELF_SIGNED));
  cluster = await upload(await clusterBundle(), CLUSTER_BUNDLE_NAME);
});
test.beforeEach(async ({ context }) => {
  await addSessionCookie(context, portal.url, user.cookie);
});
test.afterAll(async () => {
  await portal?.dispose();
});

async function openOverview(page: Page, id: string) {
  await page.goto(`${portal.url}/analyses/${id}`);
  await expect(page.getByTestId("result-card").first()).toBeVisible();
}

/**
 * Elements inside a card (or another panel of the overview) that are wider than their own box, or
 * stick out of the card's right edge. Frames that scroll by design (overflow-x auto/scroll: log
 * excerpts in no-wrap mode, the wide MRA table) are judged by their own frame only: what is inside
 * them may be wider, the frame itself may not.
 */
async function overflowing(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const found: string[] = [];
    for (const frame of document.querySelectorAll<HTMLElement>(sel)) {
      const edge = frame.getBoundingClientRect().right;
      const walk = (el: Element) => {
        for (const child of el.children) {
          const style = getComputedStyle(child);
          if (style.display === "none" || style.visibility === "hidden") continue;
          const h = child as HTMLElement;
          const scrolls = /(auto|scroll)/.test(style.overflowX);
          const clips = style.overflowX === "hidden" || style.overflowX === "clip";
          const sr = h.clientWidth <= 1 && h.clientHeight <= 1; // screen-reader-only text
          const right = h.getBoundingClientRect().right;
          const name = `${child.tagName.toLowerCase()}${h.dataset.testid ? `[${h.dataset.testid}]` : ""} "${(h.textContent ?? "").trim().slice(0, 50)}"`;
          if (!sr && right > edge + 1) found.push(`${name} ends ${Math.round(right - edge)} px past the card`);
          else if (!sr && !scrolls && !clips && h.clientWidth > 0 && h.scrollWidth > h.clientWidth + 1)
            found.push(`${name} is ${h.scrollWidth - h.clientWidth} px wider than its frame`);
          // a scrolling or clipping frame is judged as a whole: its content may be wider
          if (!scrolls && !clips) walk(child);
        }
      };
      walk(frame);
    }
    return found;
  }, selector);
}

test("the first issue card starts on the first screen at 1440x900", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openOverview(page, sample);
  const top = await page.locator('[data-testid="result-card"][data-outcome="issue"]').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThan(900 - 80);
  // Findings first: the context (bundle contents, sharing) comes after the cards.
  const order = await page.evaluate(() => {
    const y = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? null;
    return { card: y('[data-testid="result-card"]'), files: y('[data-testid="bundle-contents"]'), share: y('[data-testid="share-panel"]') };
  });
  expect(order.files).not.toBeNull();
  expect(order.share).not.toBeNull();
  expect(order.files!).toBeGreaterThan(order.card!);
  expect(order.share!).toBeGreaterThan(order.card!);
});

for (const width of [1440, 390]) {
  test(`nothing inside a card is wider than its frame at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const id of [sample, cluster]) {
      await openOverview(page, id);
      // Every issue card open, and the evidence in its default wrap mode for this width.
      const problems = await overflowing(page, '[data-testid="result-card"], [data-testid="mra-requests"], [data-testid="analysis-summary"]');
      expect(problems, `analysis ${id}`).toEqual([]);
      const page_ = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(page_).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `test-results/layout-${id === sample ? "sample" : "cluster"}-${width}.png`, fullPage: true });
    }
  });
}

test("log lines wrap on a 390 px screen, and the toggle unwraps them into a scrolling frame", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await openOverview(page, sample);
  const snippet = page.getByTestId("log-snippet").first();
  const line = snippet.locator("[data-log-line] code").first();
  const wrapped = await line.evaluate((el) => ({ ws: getComputedStyle(el).whiteSpace, lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)) }));
  expect(wrapped.ws).toBe("pre-wrap");
  expect(wrapped.lines).toBeGreaterThan(1);
  const frame = snippet.locator('[role="region"]').first();
  expect(await frame.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);

  await snippet.getByTestId("toggle-wrap").first().click();
  await expect(line).toHaveCSS("white-space", "pre");
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // Not the page: only the excerpt's own frame scrolls.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  // The choice holds for every excerpt and the next visit; switching back wraps again.
  await page.reload();
  await expect(page.getByTestId("log-snippet").first()).toHaveAttribute("data-wrap", "nowrap");
  await page.getByTestId("toggle-wrap").first().click();
  await expect(page.getByTestId("log-snippet").first()).toHaveAttribute("data-wrap", "wrap");
});

test("at 1440 px the end of a long evidence line (Error=… depth=0) is on screen, not scrolled away", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openOverview(page, sample);
  const snippet = page.locator('[data-testid="result-card"][data-signature-id="x14-2-traffic-server-verification"] [data-testid="log-snippet"]');
  const decisive = snippet.locator("[data-log-line] code", { hasText: "depth=0" }).first();
  const [frameRight, codeRight] = await Promise.all([
    snippet.locator('[role="region"]').first().evaluate((el) => el.getBoundingClientRect().right),
    decisive.evaluate((el) => el.getBoundingClientRect().right),
  ]);
  expect(codeRight).toBeLessThanOrEqual(frameRight + 1);
});

test("cards collapse one by one, and the list view shows one line per finding", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openOverview(page, sample);
  const first = page.locator('[data-testid="result-card"][data-outcome="issue"]').first();
  const toggle = first.getByTestId("card-toggle");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(first.getByTestId("card-body")).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(first.getByTestId("card-body")).toHaveCount(0);

  await page.getByTestId("view-list").click();
  const cards = page.locator('[data-testid="result-card"][data-outcome="issue"]');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(cards.nth(i).getByTestId("card-body")).toHaveCount(0);
    expect((await cards.nth(i).boundingBox())!.height).toBeLessThan(110);
  }
  // Opening one from the list shows it whole; the choice is remembered on the next visit.
  await cards.last().getByTestId("card-toggle").click();
  await expect(cards.last().getByTestId("card-body")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("view-list")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("view-cards").click();
  await expect(cards.first().getByTestId("card-body")).toBeVisible();
});

test("every control in a card has a short accessible name", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openOverview(page, sample);
  const names = await page.locator('[data-testid="result-card"] :is(button, a, [role="button"], [role="region"])').evaluateAll((els) =>
    els.map((el) => (el.getAttribute("aria-label") ?? el.textContent ?? "").trim()),
  );
  expect(names.length).toBeGreaterThan(3);
  for (const name of names) {
    expect(name.length, name).toBeGreaterThan(0);
    // at most a card's title (the open/close control is named by it), never the text a button copies
    expect(name.length, name).toBeLessThanOrEqual(120);
    expect(name, "a log line in an accessible name").not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:|traffic_server\[/);
  }
});

test("a revoked share link shows its own message, not the 404, at 1440 and 390 px", async ({ browser }) => {
  const created = await (
    await fetch(`${portal.url}/api/analyses/${sample}/shares`, { method: "POST", headers: { ...user.auth, "content-type": "application/json" }, body: "{}" })
  ).json();
  expect((await fetch(`${portal.url}/api/analyses/${sample}/shares/${created.id}`, { method: "DELETE", headers: user.auth })).status).toBe(204);
  for (const width of [1440, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${portal.url}${created.url}`);
    await expect(page.getByTestId("link-gone")).toHaveAttribute("data-state", "revoked");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This share link was revoked");
    await expect(page.getByText("Nothing here")).toHaveCount(0);
    await expect(page.getByTestId("result-card")).toHaveCount(0);
    await page.screenshot({ path: `test-results/share-revoked-${width}.png` });
    await context.close();
  }
});

test("delete asks in the page (no browser dialog) and the history confirms what went", async ({ page }) => {
  const doomed = await upload(await readFile(SAMPLE_SELF_SIGNED), path.basename(SAMPLE_SELF_SIGNED));
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.setViewportSize({ width: 390, height: 900 });
  await openOverview(page, doomed);
  await page.getByTestId("delete-analysis").click();
  const confirm = page.getByTestId("delete-confirm");
  await expect(confirm).toContainText("cannot be undone");
  await expect(page.getByTestId("delete-confirm-button")).toBeFocused();
  await page.screenshot({ path: "test-results/delete-confirm-390.png" });
  await page.getByTestId("delete-confirm-button").click();
  await page.waitForURL(`${portal.url}/analyses`);
  await expect(page.getByTestId("deleted-notice")).toContainText(path.basename(SAMPLE_SELF_SIGNED));
  await expect(page.locator(`[data-testid="history-row"][data-analysis-id="${doomed}"]`)).toHaveCount(0);
  expect(dialogs).toBe(0);
  expect((await fetch(`${portal.url}/api/analyses/${doomed}`, { headers: user.auth })).status).toBe(404);
});
