import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumExecutablePath, headlessChromiumArgs } from "@motcua/local/chromium/headless-chromium";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { stackNow } from "./stack-time.js";

export const screenshotDir = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));

/**
 * Debian's Chromium, started as this machine allows (no sandbox as root, no background networking).
 * Playwright gives every launch a fresh, empty profile of its own.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath(process.env),
    // Chromium keeps the real clock under scripts/test-at.sh (libfaketime breaks its sandboxed helpers); each page
    // gets the stack's clock from `phonePage` instead.
    env: withoutFakeTime(process.env),
    args: [...headlessChromiumArgs, ...extraArgs],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

function withoutFakeTime(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== "LD_PRELOAD" && !entry[0].startsWith("FAKETIME"),
    ),
  );
}

/**
 * A phone-sized page (360×740, as a cheap Android phone), collecting the page's errors. Its clock is the stack's
 * (it runs on from the stack's time at real speed), so the Mini App's "today" is the backend's.
 */
/**
 * One Chromium for the test file that calls this at its top: launched before the file's first hook, closed after its
 * last test. `browser` throws when read outside the file's tests.
 */
export function chromiumForThisFile(extraArgs: string[] = []): { readonly browser: Browser } {
  let launched: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    launched = await launchChromium(extraArgs);
  });
  afterAll(async () => launched?.close());
  return {
    get browser(): Browser {
      if (!launched) throw new Error("Chromium is not running: read `browser` inside the file's hooks and tests");
      return launched.browser;
    },
  };
}

export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  await context.clock.install({ time: stackNow(inject("stack")) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
