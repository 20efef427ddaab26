import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildMiniApp, launchP4Chromium, miniAppId, p4Conditions, throttledPage, zaloHost } from "./first-timeline-entry.bench.js";
import { raisedRateLimits } from "./raised-rate-limits.js";
import { startStackProcess } from "./start-stack-process.js";
import { serveStaticGzip } from "./static-gzip-server.js";
import { serveBuildAsZaloWould } from "./zalo-host-page.js";
import { zaloNativeBridgeScript } from "./zalo-native-bridge.js";
import { startZaloOpenApiStandIn } from "./zalo-openapi-stand-in.js";

// `pnpm --filter @motcua/bench bench:p4:waterfall [--runs N] [--profile] [--screenshot file.png]`: where the Zalo flavour's deep link spends its time.
// Prints, for each run, every request's start and end (ms after navigation start), the native bridge's calls, the
// main thread's long tasks and the moment the first timeline entry is laid out, under the P4 throttling.
const runsArgument = process.argv.indexOf("--runs");
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 1;
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of runs");
/** `--profile`: also a CPU profile of each run, its functions with the most self time (at the throttled CPU). */
const profile = process.argv.includes("--profile");
/** `--screenshot <file.png>`: what the page shows when its first timeline entry is laid out (the last run). */
const screenshotArgument = process.argv.indexOf("--screenshot");
const screenshotFile = screenshotArgument > 0 ? process.argv[screenshotArgument + 1] : undefined;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

function topSelfTime(cpuProfile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, top = 25): string[] {
  const byNode = new Map(cpuProfile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<string, number>();
  (cpuProfile.samples ?? []).forEach((nodeId, index) => {
    const frame = byNode.get(nodeId)?.callFrame;
    if (!frame) return;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/.*assets[/]/u, "")}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    selfMs.set(name, (selfMs.get(name) ?? 0) + (cpuProfile.timeDeltas?.[index] ?? 0) / 1000);
  });
  return [...selfMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

interface RequestTimes {
  url: string;
  method: string;
  startedAt: number;
  headersAt?: number;
  finishedAt?: number;
  bytes?: number;
}

const stack = await startStackProcess(raisedRateLimits);
const work = mkdtempSync(join(tmpdir(), "motcua-p4-waterfall-"));
const authorizationCode = "p4-waterfall-authorization-code";
const openApi = await startZaloOpenApiStandIn({ workDir: work, accessTokensByCode: new Map([[authorizationCode, stack.info.demoTokens.citizen]]) });
const browser = await launchP4Chromium(openApi.port);
try {
  const demo = stack.info.demoDossier;
  if (!demo) throw new Error("the stack has no seeded demo dossier to open");
  await buildMiniApp(join(work, "app-zalo"), stack.info.apiUrl, "zalo");
  serveBuildAsZaloWould(join(work, "app-zalo"), { mountPath: `/zapps/${miniAppId}/`, appId: miniAppId });
  const server = await serveStaticGzip(join(work, "app-zalo"), { mountPath: `/zapps/${miniAppId}/` });
  const deepLink = `${server.url.replace("127.0.0.1", zaloHost)}/zapps/${miniAppId}/?hs=${encodeURIComponent(demo.hs)}&k=${encodeURIComponent(demo.k)}`;
  const bridgeScript = zaloNativeBridgeScript({ authorizationCode, codeVerifier: "p4-waterfall-code-verifier" });
  try {
    for (let run = 0; run <= runs; run++) {
      const { context, page } = await throttledPage(browser, p4Conditions, { bridgeScript });
      await page.addInitScript({
        content: `window.longTasks = [];
        document.addEventListener("readystatechange", () => performance.mark("readyState-" + document.readyState));
        new PerformanceObserver((list) => { for (const t of list.getEntries()) window.longTasks.push([Math.round(t.startTime), Math.round(t.duration)]); }).observe({ type: "longtask", buffered: true });
        new MutationObserver((records, observer) => {
          const entry = document.querySelector('[data-testid="timeline-item"]');
          if (entry && entry.getBoundingClientRect().height > 0) { window.firstTimelineAt = performance.now(); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });`,
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const requests = new Map<string, RequestTimes>();
      let navigationAt: number | undefined;
      cdp.on("Network.requestWillBeSent", (event) => {
        if (navigationAt === undefined) navigationAt = event.timestamp;
        requests.set(event.requestId, { url: event.request.url, method: event.request.method, startedAt: event.timestamp });
      });
      cdp.on("Network.responseReceived", (event) => {
        const request = requests.get(event.requestId);
        if (request) request.headersAt = event.timestamp;
      });
      cdp.on("Network.loadingFinished", (event) => {
        const request = requests.get(event.requestId);
        if (request) Object.assign(request, { finishedAt: event.timestamp, bytes: event.encodedDataLength });
      });
      if (profile) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
        await cdp.send("Profiler.start");
      }
      await page.goto(deepLink, { waitUntil: "commit" });
      try {
        await page.waitForFunction("window.firstTimelineAt !== undefined", undefined, { timeout: 60_000 });
      } catch (error) {
        const shown = await page.evaluate(`(() => {
          const entry = document.querySelector('[data-testid="timeline-item"]');
          return { url: location.href, entryHeight: entry ? entry.getBoundingClientRect().height : null, text: document.body.innerText.slice(0, 200), marks: performance.getEntriesByType("mark").map((m) => m.name + "@" + Math.round(m.startTime)) };
        })()`);
        throw new Error(`no timeline entry within 60 s: ${JSON.stringify(shown)}`, { cause: error });
      }
      const seen = (await page.evaluate(`({ firstTimelineAt: window.firstTimelineAt, nativeCalls: window.nativeCalls, longTasks: window.longTasks,
        marks: [...performance.getEntriesByType("mark").map((m) => m.name + "@" + Math.round(m.startTime)),
          ...performance.getEntriesByType("resource").filter((r) => /zalo-start|start-session|zmp-sdk|use-api-load[.]|index[.]/.test(r.name)).map((r) => r.name.replace(/.*assets[/]/, "").slice(0, 14) + " end@" + Math.round(r.responseEnd))],
        fcp: performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime,
        navigationStart: performance.timeOrigin })`)) as {
        firstTimelineAt: number;
        nativeCalls: { action: string; at: number }[];
        longTasks: [number, number][];
        marks: string[];
        fcp?: number;
      };
      if (screenshotFile && run === runs) await page.screenshot({ path: screenshotFile });
      const cpuProfile = profile ? ((await cdp.send("Profiler.stop")) as { profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] } }).profile : undefined;
      await context.close();
      if (run === 0) continue; // the first run warms the stack and Chromium
      const at = (seconds: number | undefined) => (seconds === undefined || navigationAt === undefined ? "—" : String(Math.round((seconds - navigationAt) * 1000)));
      console.log(`\nrun ${run}: first timeline entry at ${Math.round(seen.firstTimelineAt)} ms, first contentful paint ${Math.round(seen.fcp ?? NaN)} ms (page clock; requests on the network clock from the document request)`);
      console.log("start  headers  end    bytes   request");
      for (const request of [...requests.values()].sort((a, b) => a.startedAt - b.startedAt)) {
        const url = request.url.replace(server.url.replace("127.0.0.1", zaloHost), "").replace(stack.info.apiUrl, "API");
        console.log(`${at(request.startedAt).padStart(5)}  ${at(request.headersAt).padStart(7)}  ${at(request.finishedAt).padStart(5)}  ${String(request.bytes ?? "").padStart(6)}  ${request.method} ${url.slice(0, 110)}`);
      }
      console.log(`native bridge calls: ${seen.nativeCalls.map((call) => `${call.action.replace("action.", "")}@${Math.round(call.at)}`).join(", ")}`);
      if (seen.marks.length > 0) console.log(`marks: ${seen.marks.join(", ")}`);
      console.log(`long tasks (start+duration, ms): ${seen.longTasks.map(([start, duration]) => `${start}+${duration}`).join(", ")}`);
      if (cpuProfile) console.log(`self time until the first timeline entry:\n${topSelfTime(cpuProfile).join("\n")}`);
    }
  } finally {
    await server.close();
  }
} finally {
  await browser.close();
  await openApi.close();
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
}
