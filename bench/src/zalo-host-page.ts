import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The lists zmp-vite-plugin writes into www/app-config.json: what Zalo loads to start the Mini App. */
export interface BuiltAppConfig {
  app: { title: string };
  listCSS: string[];
  listSyncJS: string[];
  listAsyncJS: string[];
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

export function readBuiltAppConfig(buildDir: string): BuiltAppConfig {
  const parsed = JSON.parse(readFileSync(join(buildDir, "app-config.json"), "utf8")) as Partial<Record<keyof BuiltAppConfig, unknown>>;
  const { app, listCSS, listSyncJS, listAsyncJS } = parsed;
  const title = typeof app === "object" && app !== null ? (app as { title?: unknown }).title : undefined;
  if (typeof title !== "string" || !isStringList(listCSS) || !isStringList(listSyncJS) || !isStringList(listAsyncJS)) {
    throw new Error(`${buildDir}/app-config.json is not the shape zmp-vite-plugin writes`);
  }
  return { app: { title }, listCSS, listSyncJS, listAsyncJS };
}

const escapeAttribute = (value: string) => value.replace(/&/gu, "&amp;").replace(/"/gu, "&quot;").replace(/</gu, "&lt;");

/**
 * The page Zalo's WebView opens for a Mini App, built from app-config.json rather than from the build's own
 * index.html (whose modulepreload links Zalo never sees). Zalo's documentation of app-config.json: every listCSS
 * file is a stylesheet; listSyncJS scripts load while the page is parsed and run in order; listAsyncJS scripts load
 * alongside and run as each arrives. Zalo sets `window.APP_ID` before the app's scripts and gives it `#app`.
 */
export function zaloHostPageHtml(config: BuiltAppConfig, { mountPath, appId }: { mountPath: string; appId: string }): string {
  const url = (file: string) => escapeAttribute(`${mountPath}${file.replace(/^\.?\//u, "")}`);
  return [
    "<!doctype html>",
    `<html lang="vi"><head><meta charset="UTF-8" />`,
    `<meta name="viewport" content="width=device-width, initial-scale=1.0, viewport-fit=cover" />`,
    `<title>${escapeAttribute(config.app.title)}</title>`,
    `<script>window.APP_ID = ${JSON.stringify(appId)};</script>`,
    ...config.listCSS.map((file) => `<link rel="stylesheet" crossorigin href="${url(file)}" />`),
    ...config.listSyncJS.map((file) => `<script type="module" crossorigin src="${url(file)}"></script>`),
    ...config.listAsyncJS.map((file) => `<script type="module" async crossorigin src="${url(file)}"></script>`),
    `</head><body><div id="app"></div></body></html>`,
  ].join("\n");
}

/** Replaces a Zalo build's index.html with the page Zalo would build from its app-config.json. */
export function serveBuildAsZaloWould(buildDir: string, options: { mountPath: string; appId: string }): BuiltAppConfig {
  const config = readBuiltAppConfig(buildDir);
  writeFileSync(join(buildDir, "index.html"), zaloHostPageHtml(config, options));
  return config;
}
