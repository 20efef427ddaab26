import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { build } from "vite";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { chromiumExecutablePath, headlessChromiumArgs } from "@motcua/local/chromium/headless-chromium";
import { buildBarePage } from "./bundle-size.bench.js";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { serveStaticGzip } from "./static-gzip-server.js";
import { serveBuildAsZaloWould } from "./zalo-host-page.js";
import { zaloAndroidUserAgent, zaloNativeBridgeScript } from "./zalo-native-bridge.js";
import { startZaloOpenApiStandIn } from "./zalo-openapi-stand-in.js";

const bareAppId = "3141592653589793";
export const miniAppId = "2718281828459045";
/** Where Zalo serves Mini Apps (zmp-sdk calls the native bridge only there); Chromium resolves it to this machine. */
export const zaloHost = "h5.zdn.vn";
const miniappRoot = fileURLToPath(new URL("../../miniapp/", import.meta.url));

/** The issue's network: 150 ms round trip, 1.6 Mbps down, 750 kbps up; and a cheap phone's CPU (4× slower). */
export const p4Conditions = { latencyMs: 150, downloadBitsPerSecond: 1_600_000, uploadBitsPerSecond: 750_000, cpuSlowdown: 4 };

export interface FirstTimelineOptions {
  runs: number;
  conditions?: typeof p4Conditions;
}

type Flavour = "browser" | "zalo";

export async function buildMiniApp(outDir: string, apiUrl: string, flavour: Flavour) {
  const cwd = process.cwd();
  const saved = { api: process.env.VITE_API_URL, platform: process.env.VITE_PLATFORM };
  // zmp-vite-plugin (Zalo flavour) reads ./app-config.json from the working folder.
  process.chdir(miniappRoot);
  process.env.VITE_API_URL = apiUrl;
  // The browser flavour takes its Zalo token from the URL; the Zalo flavour from zmp-sdk (the bridge stand-in).
  process.env.VITE_PLATFORM = flavour;
  try {
    await build({ root: miniappRoot, mode: flavour === "zalo" ? "zalo" : "production", logLevel: "warn", build: { outDir, emptyOutDir: true } });
  } finally {
    process.chdir(cwd);
    for (const [name, value] of [["VITE_API_URL", saved.api], ["VITE_PLATFORM", saved.platform]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** A Zalo WebView: Zalo's user agent, its native bridge (stand-in) and h5.zalo.me's certificate (stand-in) accepted. */
export interface InZalo {
  bridgeScript: string;
}

/** A fresh context (empty cache) with the network and CPU throttled through the DevTools protocol. */
export async function throttledPage(browser: Browser, conditions: typeof p4Conditions, inZalo?: InZalo) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    ...(inZalo ? { userAgent: zaloAndroidUserAgent, ignoreHTTPSErrors: true } : {}),
  });
  if (inZalo) await context.addInitScript({ content: inZalo.bridgeScript });
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
async function appFirstTimelineEntry(browser: Browser, url: string, conditions: typeof p4Conditions, inZalo?: InZalo): Promise<number> {
  const { context, page } = await throttledPage(browser, conditions, inZalo);
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
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(url, { waitUntil: "commit" });
    try {
      await page.waitForFunction("window.firstTimelineAt !== undefined", undefined, { timeout: 120_000 });
    } catch (error) {
      // Say what the page showed: a timeline drawn without a mutation after it got its size, or no timeline at all.
      const seen = await page.evaluate(`(() => {
        const entry = document.querySelector('[data-testid="timeline-item"]');
        return { url: location.href, entryHeight: entry ? entry.getBoundingClientRect().height : null, text: document.body.innerText.slice(0, 300), nativeCalls: window.nativeCalls };
      })()`);
      throw new Error(`no timeline entry within 120 s (${inZalo ? "Zalo" : "browser"} flavour): ${JSON.stringify(seen)}; page errors: ${JSON.stringify(pageErrors)}`, { cause: error });
    }
    return (await page.evaluate("window.firstTimelineAt")) as number;
  } finally {
    await context.close();
  }
}

/** The bare zmp-ui page's first contentful paint, then the same API call the app makes, timed in the page. */
async function bareFirstPaintPlusApiCall(
  browser: Browser,
  url: string,
  api: { url: string; token: string },
  conditions: typeof p4Conditions,
  inZalo?: InZalo,
) {
  const { context, page } = await throttledPage(browser, conditions, inZalo);
  try {
    // Zalo's own page sets the app id before the Mini App's script runs (the Zalo host page does it itself).
    if (!inZalo) await page.addInitScript({ content: `window.APP_ID = ${JSON.stringify(bareAppId)};` });
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

export async function launchP4Chromium(openApiPort: number): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutablePath(process.env),
    args: [
      ...headlessChromiumArgs,
      // Zalo's hosts, on this machine: the Mini App's static files (any port) and the h5.zalo.me stand-in.
      `--host-resolver-rules=MAP ${zaloHost} 127.0.0.1, MAP h5.zalo.me 127.0.0.1:${openApiPort}`,
    ],
  });
}

interface FlavourSamples {
  app: number[];
  bare: number[];
  paint: number[];
  apiRoundTrip: number[];
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;

function flavourLines(label: string, samples: FlavourSamples): BenchLine[] {
  return [
    { name: `P4 ${label}: bare zmp-ui page first paint + one API round trip`, value: `${ms(median(samples.bare))} (${ms(median(samples.paint))} + ${ms(median(samples.apiRoundTrip))})` },
    { name: `P4 ${label}: owner deep link → first timeline entry on screen`, value: `${ms(median(samples.app))} (runs: ${samples.app.map((v) => Math.round(v)).join(", ")} ms)` },
    { name: `P4 ${label}: first timeline entry / bare page + API round trip`, value: (median(samples.app) / median(samples.bare)).toFixed(2), target: "≤ 1.3" },
  ];
}

/**
 * P4: the citizen's owner deep link until the first timeline entry is on screen, against the bare zmp-ui page's
 * first paint plus one API round trip, both built for production and served gzip from static files, in
 * Chromium with the network and CPU throttled and the cache empty. Two flavours: the Zalo build as Zalo serves it
 * (the page made from app-config.json at h5.zdn.vn/zapps/<id>/, the token from zmp-sdk through the native bridge
 * stand-in and an h5.zalo.me code exchange), which is what citizens get, and the browser build (token in the URL).
 * Runs alternate (bare, app; each flavour) so that a busy moment of the shared machine falls on all; medians compared.
 */
export async function benchFirstTimelineEntry(stack: StackInfo, options: FirstTimelineOptions): Promise<BenchLine[]> {
  const conditions = options.conditions ?? p4Conditions;
  const demo = stack.demoDossier;
  if (!demo) throw new Error("the stack has no seeded demo dossier to open");
  const work = mkdtempSync(join(tmpdir(), "motcua-p4-"));
  const authorizationCode = "p4-bench-authorization-code";
  const openApi = await startZaloOpenApiStandIn({ workDir: work, accessTokensByCode: new Map([[authorizationCode, stack.demoTokens.citizen]]) });
  const inZalo: InZalo = { bridgeScript: zaloNativeBridgeScript({ authorizationCode, codeVerifier: "p4-bench-code-verifier" }) };
  const browser = await launchP4Chromium(openApi.port);
  try {
    await buildBarePage(join(work, "bare"));
    cpSync(join(work, "bare"), join(work, "bare-zalo"), { recursive: true });
    serveBuildAsZaloWould(join(work, "bare-zalo"), { mountPath: `/zapps/${bareAppId}/`, appId: bareAppId });
    await buildMiniApp(join(work, "app"), stack.apiUrl, "browser");
    await buildMiniApp(join(work, "app-zalo"), stack.apiUrl, "zalo");
    serveBuildAsZaloWould(join(work, "app-zalo"), { mountPath: `/zapps/${miniAppId}/`, appId: miniAppId });
    // zmp-ui's router, in a production build, routes under `/zapps/<window.APP_ID>`: where Zalo serves a Mini App.
    const servers = {
      bare: await serveStaticGzip(join(work, "bare"), { mountPath: `/zapps/${bareAppId}/` }),
      app: await serveStaticGzip(join(work, "app")),
      bareZalo: await serveStaticGzip(join(work, "bare-zalo"), { mountPath: `/zapps/${bareAppId}/` }),
      appZalo: await serveStaticGzip(join(work, "app-zalo"), { mountPath: `/zapps/${miniAppId}/` }),
    };
    const inZaloUrl = (server: { url: string }, appId: string, query = "") => `${server.url.replace("127.0.0.1", zaloHost)}/zapps/${appId}/${query}`;
    try {
      const ownerQuery = `hs=${encodeURIComponent(demo.hs)}&k=${encodeURIComponent(demo.k)}`;
      const browserDeepLink = `${servers.app.url}/?token=${encodeURIComponent(stack.demoTokens.citizen)}&${ownerQuery}`;
      const zaloDeepLink = inZaloUrl(servers.appZalo, miniAppId, `?${ownerQuery}`);
      const apiCall = { url: `${stack.apiUrl}/v1/dossiers/${encodeURIComponent(demo.code)}?k=${encodeURIComponent(demo.k)}`, token: stack.demoTokens.citizen };
      const bareUrl = { browser: `${servers.bare.url}/zapps/${bareAppId}/`, zalo: inZaloUrl(servers.bareZalo, bareAppId) };
      // One unmeasured round of each: the stack's first lookup and Chromium's first launch of a renderer.
      await appFirstTimelineEntry(browser, browserDeepLink, conditions);
      await appFirstTimelineEntry(browser, zaloDeepLink, conditions, inZalo);
      await bareFirstPaintPlusApiCall(browser, bareUrl.browser, apiCall, conditions);
      await bareFirstPaintPlusApiCall(browser, bareUrl.zalo, apiCall, conditions, inZalo);
      const exchangesBefore = openApi.exchanges().length;
      const samples: Record<Flavour, FlavourSamples> = {
        zalo: { app: [], bare: [], paint: [], apiRoundTrip: [] },
        browser: { app: [], bare: [], paint: [], apiRoundTrip: [] },
      };
      for (let run = 0; run < options.runs; run++) {
        for (const flavour of ["zalo", "browser"] as const) {
          const zalo = flavour === "zalo" ? inZalo : undefined;
          const measured = await bareFirstPaintPlusApiCall(browser, bareUrl[flavour], apiCall, conditions, zalo);
          samples[flavour].paint.push(measured.paintMs);
          samples[flavour].apiRoundTrip.push(measured.apiMs);
          samples[flavour].bare.push(measured.paintMs + measured.apiMs);
          samples[flavour].app.push(await appFirstTimelineEntry(browser, flavour === "zalo" ? zaloDeepLink : browserDeepLink, conditions, zalo));
        }
      }
      // Every Zalo-flavour app run traded the bridge's code for its token, once (the start script and the entry share
      // one session; the bare page's SDK login trades none).
      const exchanges = openApi.exchanges().length - exchangesBefore;
      if (exchanges !== options.runs) throw new Error(`the Zalo flavour traded ${exchanges} codes at h5.zalo.me in ${options.runs} runs (one each expected)`);
      const setting = `${conditions.latencyMs} ms RTT, ${conditions.downloadBitsPerSecond / 1e6} Mbps down, ${conditions.uploadBitsPerSecond / 1e3} kbps up, CPU ${conditions.cpuSlowdown}× slower, empty cache; median of ${options.runs}`;
      return [
        { name: "P4 conditions", value: setting },
        ...flavourLines("Zalo flavour (as Zalo serves it)", samples.zalo),
        ...flavourLines("browser flavour", samples.browser),
      ];
    } finally {
      await Promise.all(Object.values(servers).map((server) => server.close()));
    }
  } finally {
    await browser.close();
    await openApi.close();
    rmSync(work, { recursive: true, force: true });
  }
}
