import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot, screenshotDir } from "./browser.js";

const stack = inject("stack");
const chromium = chromiumForThisFile();

it("the guide poster prints as one A4 page from Chromium", async () => {
  const response = await fetch(`${stack.apiUrl}/v1/admin/poster?agencyName=${encodeURIComponent("UBND phường Kinh Bắc")}`, {
    headers: { authorization: `Bearer ${stack.demoTokens.officer}` },
  });
  expect(response.status).toBe(200);
  const html = await response.text();
  const { context, page } = await phonePage(chromium.browser);
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.setContent(html, { waitUntil: "load" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(join(screenshotDir, "guide-poster.pdf"), pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
  // A4 in PDF points: 595 × 842.
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
  await saveScreenshot(page, "guide-poster-screen");
  await context.close();
});

it("a citizen's token cannot print the poster", async () => {
  const response = await fetch(`${stack.apiUrl}/v1/admin/poster`, { headers: { authorization: `Bearer ${stack.demoTokens.citizen}` } });
  expect(response.status).toBe(403);
});
