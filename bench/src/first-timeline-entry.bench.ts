import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { build } from "vite";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { buildBarePage } from "./bundle-size.bench.js";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { serveStaticGzip } from "./static-gzip-server.js";

const bareAppId = "3141592653589793";
const miniappRoot = fileURLToPath(new URL("../../miniapp/", import.meta.url));

/** The issue's network: 150 ms round trip, 1.6 Mbps down, 750 kbps up; and a cheap phone's CPU (4× slower). */
export const p4Conditions = { latencyMs: 150, downloadBitsPerSecond: 1_600_000, uploadBitsPerSecond: 750_000, cpuSlowdown: 4 };

export interface FirstTimelineOptions {
  runs: number;
  conditions?: typeof p4Conditions;
}

async function buildMiniApp(outDir: string, apiUrl: string) {
  const cwd = process.cwd();
  const saved = { api: process.env.VITE_API_URL, platform: process.env.VITE_PLATFORM };
  process.chdir(miniappRoot);
  process.env.VITE_API_URL = apiUrl;
  // The browser flavour takes its Zalo token from the URL: outside Zalo the Zalo flavour gets no token at all.
  process.env.VITE_PLATFORM = "browser";
  try {
    await build({ root: miniappRoot, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  } finally {
    process.chdir(cwd);
    for (const [name, value] of [["VITE_API_URL", saved.api], ["VITE_PLATFORM", saved.platform]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** A fresh context (empty cache) with the network and CPU throttled through the DevTools protocol. */
async function throttledPage(browser: Browser, conditions: typeof p4Conditions) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "vi-VN" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: conditions.latencyMs,
    downloadThroughput: conditions.downloadBitsPerSecond / 8,
    uploadThroughput: conditions.uploadBitsPerSecond / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: conditions.cpuSlowdown });
  return { context, page };
}

/** Milliseconds from navigation start until the first timeline entry is laid out on screen. */
async function appFirstTimelineEntry(browser: Browser, url: string, conditions: typeof p4Conditions): Promise<number> {
  const { context, page } = await throttledPage(browser, conditions);
  try {
    // Page scripts as text: this package is type-checked for Node, without the DOM's types.
    await page.addInitScript({
      content: `new MutationObserver((records, observer) => {
        const entry = document.querySelector('[data-testid="timeline-item"]');
        if (entry && entry.getBoundingClientRect().height > 0) {
          window.firstTimelineAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });`,
    });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction("window.firstTimelineAt !== undefined", undefined, { timeout: 120_000 });
    return (await page.evaluate("window.firstTimelineAt")) as number;
  } finally {
    await context.close();
  }
}

/** The bare zmp-ui page's first contentful paint, then the same API call the app makes, timed in the page. */
async function bareFirstPaintPlusApiCall(browser: Browser, url: string, api: { url: string; token: string }, conditions: typeof p4Conditions) {
  const { context, page } = await throttledPage(browser, conditions);
  try {
    // Zalo's own page sets the app id before the Mini App's script runs.
    await page.addInitScript({ content: `window.APP_ID = ${JSON.stringify(bareAppId)};` });
    await page.goto(url, { waitUntil: "commit" });
    const firstPaint = await page.waitForFunction(
      'performance.getEntriesByType("paint").find((entry) => entry.name === "first-contentful-paint")?.startTime',
      undefined,
      { timeout: 120_000 },
    );
    const paintMs = (await firstPaint.jsonValue()) as number;
    const apiMs = (await page.evaluate(`(async () => {
      const start = performance.now();
      const response = await fetch(${JSON.stringify(api.url)}, { headers: { authorization: ${JSON.stringify(`Bearer ${api.token}`)} } });
      await response.json();
      if (!response.ok) throw new Error("the API answered " + response.status);
      return performance.now() - start;
    })()`)) as number;
    return { paintMs, apiMs };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * P4: the citizen's owner deep link until the first timeline entry is on screen, against the bare zmp-ui page's
 * first paint plus one API round trip, both built for production and served gzip from static files, in
 * Chromium with the network and CPU throttled and the cache empty. Runs alternate (bare, app) so that a busy
 * moment of the shared machine falls on both; the median of each is compared.
 */
export async function benchFirstTimelineEntry(stack: StackInfo, options: FirstTimelineOptions): Promise<BenchLine[]> {
  const conditions = options.conditions ?? p4Conditions;
  const demo = stack.demoDossier;
  if (!demo) throw new Error("the stack has no seeded demo dossier to open");
  const work = mkdtempSync(join(tmpdir(), "motcua-p4-"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await buildBarePage(join(work, "bare"));
    await buildMiniApp(join(work, "app"), stack.apiUrl);
    // zmp-ui's router, in a production build, routes under `/zapps/<window.APP_ID>`: where Zalo serves a Mini App.
    const bareServer = await serveStaticGzip(join(work, "bare"), { mountPath: `/zapps/${bareAppId}/` });
    const appServer = await serveStaticGzip(join(work, "app"));
    try {
      const deepLink = `${appServer.url}/?token=${encodeURIComponent(stack.demoTokens.citizen)}&hs=${encodeURIComponent(demo.hs)}&k=${encodeURIComponent(demo.k)}`;
      const apiCall = { url: `${stack.apiUrl}/v1/dossiers/${encodeURIComponent(demo.code)}?k=${encodeURIComponent(demo.k)}`, token: stack.demoTokens.citizen };
      // One unmeasured round of each: the stack's first lookup and Chromium's first launch of a renderer.
      await appFirstTimelineEntry(browser, deepLink, conditions);
      await bareFirstPaintPlusApiCall(browser, `${bareServer.url}/zapps/${bareAppId}/`, apiCall, conditions);
      const app: number[] = [];
      const bare: number[] = [];
      const paint: number[] = [];
      const apiRoundTrip: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        const measured = await bareFirstPaintPlusApiCall(browser, `${bareServer.url}/zapps/${bareAppId}/`, apiCall, conditions);
        paint.push(measured.paintMs);
        apiRoundTrip.push(measured.apiMs);
        bare.push(measured.paintMs + measured.apiMs);
        app.push(await appFirstTimelineEntry(browser, deepLink, conditions));
      }
      const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;
      const setting = `${conditions.latencyMs} ms RTT, ${conditions.downloadBitsPerSecond / 1e6} Mbps down, ${conditions.uploadBitsPerSecond / 1e3} kbps up, CPU ${conditions.cpuSlowdown}× slower, empty cache; median of ${options.runs}`;
      return [
        { name: "P4 bare zmp-ui page: first paint + one API round trip", value: `${ms(median(bare))} (${ms(median(paint))} + ${ms(median(apiRoundTrip))}; ${setting})` },
        { name: "P4 owner deep link → first timeline entry on screen", value: `${ms(median(app))} (runs: ${app.map((v) => Math.round(v)).join(", ")} ms)` },
        { name: "P4 first timeline entry / bare page + API round trip", value: (median(app) / median(bare)).toFixed(2), target: "≤ 1.3" },
      ];
    } finally {
      await bareServer.close();
      await appServer.close();
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}
