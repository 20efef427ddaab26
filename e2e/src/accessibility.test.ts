import { beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { chromiumForThisFile, saveScreenshot } from "./browser.js";
import { ingest, receivedAtDesk } from "./ingest.js";
import { seriousAxeViolations } from "./a11y/axe.js";
import { findLayoutProblems, findSmallTapTargets, scaleEveryTextSize } from "./a11y/layout-checks.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

const finishedCode = "000.00.20.H27-261120-0701";
let finishedK = "";

/** Only the code field may scroll sideways (a long code is typed into it). */
const sidewaysAllowed = "input";

interface Screen {
  name: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
}

const byText = (text: string) => (page: Page) => page.getByText(text, { exact: false }).first().waitFor();
const byTestId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor();

function citizenScreens(): Screen[] {
  const demo = stack.demoDossier!;
  const targets = stack.demoLinkTargets!;
  return [
    { name: "home", path: "/", ready: byText("Hồ sơ của tôi") },
    { name: "dossier-owner", path: `/?hs=${encodeURIComponent(demo.code)}&k=${demo.k}`, ready: byTestId("view-notice") },
    { name: "dossier-public", path: `/dossiers/${encodeURIComponent(demo.code)}`, ready: byTestId("view-notice") },
    { name: "rating", path: `/?hs=${encodeURIComponent(finishedCode)}&k=${finishedK}`, ready: byText("Gửi đánh giá") },
    { name: "my-dossiers-consent", path: "/me/dossiers", ready: byText("Đồng ý và chia sẻ số điện thoại") },
    { name: "profile", path: "/me", ready: byText("Nhận thông báo qua Zalo") },
    { name: "feedback", path: "/feedback", ready: byText("Gửi câu hỏi mới") },
    { name: "feedback-new", path: "/feedback/new", ready: byText("Nội dung") },
    { name: "feedback-thread", path: `/feedback/${targets.answeredThread!.id}`, ready: byText("Câu trả lời có hữu ích không?") },
    { name: "feedback-thread-missing", path: "/feedback/khong-co-cau-hoi-nay", ready: byText("Không tìm thấy câu hỏi này") },
    { name: "announcements", path: "/announcements", ready: byText(targets.announcement.title) },
    { name: "announcement", path: `/announcements/${targets.announcement.id}`, ready: byText(targets.announcement.title) },
    { name: "procedures", path: "/procedures", ready: byText("Thời hạn giải quyết") },
    { name: "not-found", path: "/khong-co-trang-nay", ready: byText("Trang bạn tìm không tồn tại") },
  ];
}

const staffScreens: Screen[] = [
  { name: "admin", path: "/admin", ready: byTestId("staff-member") },
  { name: "admin-late-dossiers", path: "/admin/late-dossiers", ready: byText("Hồ sơ quá hạn") },
  { name: "admin-ratings", path: "/admin/ratings", ready: (page) => page.locator("canvas").first().waitFor() },
  { name: "admin-announcements", path: "/admin/announcements", ready: byText("Tiêu đề") },
  { name: "admin-feedback", path: "/admin/feedback", ready: byTestId("inbox-thread") },
  { name: "admin-notifications", path: "/admin/notifications", ready: byText("Nhật ký gửi tin") },
  { name: "admin-sync-credentials", path: "/admin/sync-credentials", ready: byTestId("sync-credential") },
];

async function open(context: BrowserContext, token: string, screen: Screen): Promise<Page> {
  const page = await context.newPage();
  const separator = screen.path.includes("?") ? "&" : "?";
  await page.goto(`${miniAppUrl}${screen.path}${separator}token=${token}`);
  await screen.ready(page);
  await page.waitForLoadState("networkidle");
  return page;
}

async function phoneContext(options: { width?: number; height?: number; scale?: number } = {}): Promise<BrowserContext> {
  return chromium.browser.newContext({
    viewport: { width: options.width ?? 360, height: options.height ?? 740 },
    deviceScaleFactor: options.scale ?? 2,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
}

beforeAll(async () => {
  const results = await ingest(stack, [
    receivedAtDesk(finishedCode, { eventId: "e2e-a11y-701-a" }),
    { eventId: "e2e-a11y-701-b", dossierCode: finishedCode, status: 10, occurredAt: "2026-11-24T09:00:00+07:00" },
  ]);
  finishedK = new URL(results.find((result) => result.receipt)!.receipt!.url).searchParams.get("k")!;
});

describe("axe-core finds no critical or serious violation", () => {
  it("on every citizen screen, and the citizen's controls are at least 44×44", async () => {
    const context = await phoneContext();
    const failures: Record<string, unknown> = {};
    for (const screen of citizenScreens()) {
      const page = await open(context, stack.demoTokens.citizen, screen);
      if (screen.name === "rating") {
        // The unanswered criteria are tied to their groups once the citizen tries to send.
        await page.getByRole("button", { name: "Gửi đánh giá" }).click();
        await page.getByRole("alert").first().waitFor();
      }
      const violations = await seriousAxeViolations(page);
      const small = await findSmallTapTargets(page);
      if (violations.length > 0 || small.length > 0) failures[screen.name] = { violations, small };
      await saveScreenshot(page, `a11y-${screen.name}-360x740`);
      await page.close();
    }
    await context.close();
    expect(failures).toEqual({});
  }, 240_000);

  it("on every staff screen", async () => {
    const context = await phoneContext();
    const failures: Record<string, unknown> = {};
    for (const screen of staffScreens) {
      const page = await open(context, stack.demoTokens.admin, screen);
      if (screen.name === "admin-sync-credentials") {
        // The confirmation before disabling is checked too.
        await page.getByRole("button", { name: "Khóa", exact: true }).first().click();
        await page.getByTestId("sync-confirm").waitFor();
      }
      const violations = await seriousAxeViolations(page);
      if (violations.length > 0) failures[screen.name] = violations;
      await saveScreenshot(page, `a11y-${screen.name}-360x740`);
      await page.close();
    }
    await context.close();
    expect(failures).toEqual({});
  }, 180_000);
});

it("the code field's clear button appears with text, is named and is a 44×44 target; errors are tied to the field", async () => {
  const context = await phoneContext();
  const page = await open(context, stack.demoTokens.citizen, citizenScreens()[0]!);
  expect(await page.getByRole("button", { name: "Xoá nội dung đã nhập" }).count()).toBe(0);
  await page.getByLabel("Mã hồ sơ").fill("AB");
  const clear = page.getByRole("button", { name: "Xoá nội dung đã nhập" });
  const box = (await clear.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await page.getByRole("button", { name: "Tra cứu" }).click();
  const field = page.getByLabel("Mã hồ sơ");
  expect(await field.getAttribute("aria-invalid")).toBe("true");
  const describedBy = (await field.getAttribute("aria-describedby"))!;
  expect(await page.locator(`#${describedBy}`).innerText()).toContain("Mã hồ sơ quá ngắn");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await clear.click();
  expect(await field.inputValue()).toBe("");
  await context.close();
});

describe("text that grows", () => {
  const grownScreens = () => citizenScreens().filter((screen) => ["home", "dossier-owner", "rating", "feedback", "feedback-new", "feedback-thread"].includes(screen.name));

  it("at 200% text size (every text size doubled, as Android's WebView does) nothing is cut, overlapping or off screen", async () => {
    const context = await phoneContext();
    const failures: Record<string, unknown> = {};
    for (const screen of grownScreens()) {
      const page = await open(context, stack.demoTokens.citizen, screen);
      await scaleEveryTextSize(page, 2);
      const problems = await findLayoutProblems(page, { sidewaysAllowed });
      if (problems.length > 0) failures[screen.name] = problems;
      await saveScreenshot(page, `a11y-${screen.name}-text-200`);
      await page.close();
    }
    await context.close();
    expect(failures).toEqual({});
  }, 180_000);

  it("at 200% zoom (a 180 CSS px wide screen) nothing is cut, overlapping or off screen", async () => {
    const context = await phoneContext({ width: 180, height: 370, scale: 4 });
    const failures: Record<string, unknown> = {};
    for (const screen of grownScreens()) {
      const page = await open(context, stack.demoTokens.citizen, screen);
      const problems = await findLayoutProblems(page, { sidewaysAllowed });
      if (problems.length > 0) failures[screen.name] = problems;
      await saveScreenshot(page, `a11y-${screen.name}-zoom-200`);
      await page.close();
    }
    await context.close();
    expect(failures).toEqual({});
  }, 180_000);
});
