import { expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

async function dialectLogin(username: string, password: string): Promise<{ error_code: string; message: string }> {
  const response = await fetch(`${stack.apiUrl}/mapi/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return (await response.json()) as { error_code: string; message: string };
}

it("the admin issues a sync credential at 360 px, the one-stop system logs in with it, and a disabled one is refused", async () => {
  const { context, page, errors } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await page.getByRole("link", { name: /Kết nối hệ thống một cửa/ }).click();

  const seeded = page.getByTestId("sync-credential").filter({ hasText: stack.syncCredential.username });
  await expect.poll(() => seeded.innerText()).toContain("Đang hoạt động");

  const username = `igate-h56-${Date.now().toString(36)}`;
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mã đơn vị được gửi").fill("000.00.*.H56");
  await page.getByLabel(/Mã trạng thái khác danh mục/).fill("3=8, 8=3");
  await page.getByRole("button", { name: "Cấp tài khoản" }).click();

  const shown = page.getByTestId("sync-password");
  await expect.poll(() => shown.innerText()).toContain(`Mật khẩu của ${username}`);
  const password = (await shown.locator("code").innerText()).trim();
  expect(password).toHaveLength(24);
  const row = page.getByTestId("sync-credential").filter({ hasText: username });
  await expect.poll(() => row.innerText()).toContain("3 → 8, 8 → 3");
  await shown.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "admin-sync-credential-created-360x740");
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  expect(await dialectLogin(username, password)).toMatchObject({ error_code: "0", message: "Đăng nhập thành công" });

  await page.getByRole("button", { name: "Đã lưu mật khẩu" }).click();
  await row.getByRole("button", { name: "Khóa" }).click();
  // Disabling cuts the province's sync job off, so the page asks first.
  const confirm = row.getByTestId("sync-confirm");
  await expect.poll(() => confirm.innerText()).toContain(`Bạn chắc chắn muốn khóa ${username}?`);
  await confirm.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "admin-sync-credential-confirm-disable-360x740");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await dialectLogin(username, password)).toMatchObject({ error_code: "0" });
  await confirm.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect.poll(() => row.innerText()).toContain("Đã khóa");
  await row.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "admin-sync-credential-disabled-360x740");
  expect(await dialectLogin(username, password)).toMatchObject({ error_code: "-2" });
  expect(errors.filter((e) => !e.includes("-2000"))).toEqual([]);
  await context.close();
});

it("an officer does not see the page's link, and the page tells them it is for admins", async () => {
  const { context, page } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.officer}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await expect.poll(() => page.getByRole("link", { name: /Nhật ký gửi tin|Gửi tin/ }).count()).toBeGreaterThan(0);
  expect(await page.getByRole("link", { name: /Kết nối hệ thống một cửa/ }).count()).toBe(0);
  await page.goto(`${miniAppUrl}/admin/sync-credentials?token=${stack.demoTokens.officer}`);
  await expect.poll(() => page.locator("body").innerText()).toContain("Chỉ quản trị viên được quản lý tài khoản đồng bộ.");
  await context.close();
});
