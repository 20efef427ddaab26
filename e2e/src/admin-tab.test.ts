import { expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

it("the seeded admin finds the staff tab from the home page, sees the staff and prints a receipt QR", async () => {
  const { context, page } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await expect.poll(() => page.getByTestId("staff-role").textContent()).toBe("Quản trị viên");
  await expect.poll(() => page.getByTestId("staff-member").count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByTestId("staff-member").allTextContents()).toContainEqual(expect.stringContaining("Phạm Thu Hà"));
  // The officer's agency by its name, its code on a small line beneath.
  const officerRow = page.getByTestId("staff-member").filter({ hasText: "Phạm Thu Hà" });
  await expect.poll(() => officerRow.locator(".agency-name").allTextContents()).toEqual(["UBND phường Kinh Bắc"]);
  expect(await officerRow.locator(".agency-code").allTextContents()).toEqual(["000.21.20.H27"]);
  await officerRow.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "admin-staff-list-agency-names-360x740");

  const code = stack.demoDossier!.code;
  await page.getByLabel("Mã hồ sơ").fill(code);
  await page.getByRole("button", { name: "Lấy mã QR" }).click();
  await expect.poll(() => page.getByTestId("receipt-qr").locator("svg").count()).toBe(1);
  expect(await page.getByTestId("receipt-qr").innerText()).toContain(code);
  // The printed caption: Vietnamese words in the text font (a monospace font breaks "Mã hồ sơ"), the code in monospace.
  const captionFonts = await page.locator(".receipt-qr-caption").evaluate((caption) => [
    getComputedStyle(caption).fontFamily,
    getComputedStyle(caption.querySelector(".receipt-qr-code")!).fontFamily,
  ]);
  expect(captionFonts[0]).not.toMatch(/mono/iu);
  expect(captionFonts[1]).toMatch(/mono/iu);
  await saveScreenshot(page, "admin-tab-360x740");

  // The A4 poster preview is scaled to the screen: the whole page fits the phone's width.
  await page.getByLabel("Tên cơ quan in trên bảng (không bắt buộc)").fill("UBND phường Kinh Bắc");
  await page.getByRole("button", { name: "Xem bảng hướng dẫn" }).click();
  const preview = page.getByTestId("poster-preview");
  await preview.waitFor();
  const frame = (await preview.locator("iframe").boundingBox())!;
  expect(frame.width).toBeLessThanOrEqual(360);
  expect(frame.height / frame.width).toBeCloseTo(1123 / 794, 1);
  await context.close();
});

it("a citizen sees no staff link, and the tab says it is for staff only: GET /v1/me says so, no staff route is called", async () => {
  const { context, page } = await phonePage(chromium.browser);
  const adminRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/v1/admin/")) adminRequests.push(request.url());
  });
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.citizen}`);
  const me = await page.waitForResponse((response) => response.url().endsWith("/v1/me"));
  expect(((await me.json()) as { isStaff: boolean }).isStaff).toBe(false);
  expect(await page.getByText("Dành cho cán bộ: mở trang quản trị").count()).toBe(0);
  await page.goto(`${miniAppUrl}/admin`);
  await expect.poll(() => page.locator("body").innerText()).toContain("không có quyền cán bộ");
  expect(adminRequests).toEqual([]);
  await context.close();
});

it("the admin opens the late-dossier list from the staff tab: the seeded overdue dossiers of an agency", async () => {
  const { context, page } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/admin?token=${stack.demoTokens.admin}`);
  await page.getByTestId("late-dossiers-link").click();
  // The local stack ran the late-dossier job at start; this seeded commune has overdue dossiers in progress.
  // The agency is picked by name from those the dossiers named; no code to type.
  const picker = page.getByLabel("Cơ quan");
  await expect.poll(() => picker.locator("option").allTextContents()).toEqual(expect.arrayContaining(["Chọn cơ quan…", "Sở Tư pháp", "UBND phường Kinh Bắc", "UBND xã Sơn Động"]));
  expect((await picker.locator("option").allTextContents()).some((text) => /^\d{3}\.\d{2}\.\d{2}\.H27$/u.test(text))).toBe(false);
  await picker.selectOption({ label: "UBND xã Sơn Động" });
  await page.getByRole("button", { name: "Xem danh sách" }).click();
  await expect.poll(() => page.getByTestId("late-dossier").count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByTestId("late-dossier").first().innerText()).toMatch(/Quá hạn \d+ ngày/u);
  await saveScreenshot(page, "admin-late-dossiers-360x740");
  await context.close();
});

it("the officer's staff tab names the agency in their charge, with its code beneath", async () => {
  const { context, page } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/admin?token=${stack.demoTokens.officer}`);
  await expect.poll(() => page.getByTestId("my-agencies").locator(".agency-name").allTextContents()).toEqual(["UBND phường Kinh Bắc"]);
  expect(await page.getByTestId("my-agencies").innerText()).toContain("Cơ quan phụ trách");
  expect(await page.getByTestId("my-agencies").locator(".agency-code").textContent()).toBe("000.21.20.H27");
  await saveScreenshot(page, "admin-officer-agency-name-360x740");
  await context.close();
});
