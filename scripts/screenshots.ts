// `npm run screenshots`: the pictures in the README's "Using it" section, made from the current sources so
// they stay true. Starts a portal of its own (fresh data directory, production build), signs up a user,
// uploads the self-signed sample, shares it, and photographs in Chromium at 1440 and 390 px wide:
// the overview's first screen, the first issue card, the shared view and the history.
// Writes docs/screenshots/<page>-<width>.png.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Page } from "playwright";
import { signUp } from "../tests/helpers/accounts";
import { ROOT, SAMPLE_SELF_SIGNED, SAMPLE_SNI, startPortal, waitForAnalysis } from "../tests/helpers/portal";

const OUT = path.join(ROOT, "docs/screenshots");
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

async function upload(url: string, auth: Record<string, string>, file: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const res = await fetch(`${url}/api/analyses`, { method: "POST", body: await readFile(file), headers: { ...auth, "X-Filename": path.basename(file) } });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await waitForAnalysis(url, id, auth);
  return id;
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Times switch to the viewer's zone after hydration; let that and the share list land.
  await page.waitForTimeout(400);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const portal = await startPortal();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
  try {
    // A person's name, so the pages read as they would for one ("Alex's workspace").
    const cookie = await signUp(portal.url, "alex@example.com", "screenshots-password", "Alex");
    const user = { cookie, auth: { cookie, origin: portal.url } };
    await upload(portal.url, user.auth, SAMPLE_SNI);
    const id = await upload(portal.url, user.auth, SAMPLE_SELF_SIGNED);
    const share = (await (
      await fetch(`${portal.url}/api/analyses/${id}/shares`, {
        method: "POST",
        headers: { ...user.auth, "content-type": "application/json" },
        body: JSON.stringify({ expiresInDays: 7 }),
      })
    ).json()) as { url: string };

    for (const viewport of WIDTHS) {
      const signedIn = await browser.newContext({ viewport, deviceScaleFactor: 1, timezoneId: "Europe/Berlin", locale: "en-US" });
      const [name, value] = user.cookie.split(/=(.*)/s);
      await signedIn.addCookies([{ name, value, url: portal.url }]);
      const page = await signedIn.newPage();
      const shot = (file: string) => path.join(OUT, `${file}-${viewport.width}.png`);

      await page.goto(`${portal.url}/analyses/${id}`);
      await page.getByTestId("result-card").first().waitFor();
      await settle(page);
      await page.screenshot({ path: shot("overview") });
      // The sticky site header would be stitched into the middle of a long card's picture.
      await page.addStyleTag({ content: "body > header { position: static !important; }" });
      await page.locator('[data-testid="result-card"][data-outcome="issue"]').first().screenshot({ path: shot("card") });

      await page.goto(`${portal.url}/analyses?q=192.0.2.10`);
      await settle(page);
      await page.screenshot({ path: shot("history") });

      const anonymous = await browser.newContext({ viewport, deviceScaleFactor: 1, timezoneId: "Europe/Berlin", locale: "en-US" });
      const shared = await anonymous.newPage();
      await shared.goto(`${portal.url}${share.url}`);
      await shared.getByTestId("result-card").first().waitFor();
      await settle(shared);
      await shared.screenshot({ path: shot("shared") });
      await anonymous.close();
      await signedIn.close();
      console.log(`docs/screenshots/*-${viewport.width}.png written`);
    }
  } finally {
    await browser.close();
    await portal.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
