import { seedCitizen } from "@motcua/local/seed/seed-people";
import { expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

interface EmulatorMessage {
  channel: string;
  recipient: string;
  templateData?: Record<string, string>;
}

it("the seeded admin composes, previews and publishes an announcement, and watches it reach the opted-in citizen", async () => {
  const users = (await (await fetch(`${stack.zaloEmulatorUrl}/_emulator/users`)).json()) as {
    users: { zaloAppUserId: string; zaloOaUserId: string }[];
  };
  const citizenOaId = users.users.find((user) => user.zaloAppUserId === seedCitizen.zaloAppUserId)?.zaloOaUserId;
  expect(citizenOaId).toBeTruthy();

  const { context, page } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await page.getByRole("link", { name: "Gửi thông báo cho công dân" }).click();

  const title = `Thủ tục mới: đăng ký khai sinh trực tuyến (${Date.now()})`;
  await page.getByLabel("Loại thông báo").selectOption("new_procedure");
  await page.getByLabel("Tiêu đề").fill(title);
  await page.getByLabel("Nội dung").fill("Từ ngày 01/12/2026, công dân có thể nộp hồ sơ đăng ký khai sinh trực tuyến, không cần đến Bộ phận Một cửa.");
  await page.getByLabel(/Đường dẫn/).fill("https://dichvucong.gov.vn/");
  await page.getByRole("button", { name: "Xem trước" }).click();

  const preview = page.getByTestId("announcement-preview");
  await expect.poll(() => preview.innerText()).toContain(title);
  expect(await preview.innerText()).toContain("Thủ tục mới");
  expect(await preview.getByRole("link", { name: "Xem chi tiết" }).getAttribute("href")).toBe("https://dichvucong.gov.vn/");
  await saveScreenshot(page, "admin-announcement-preview-360x740");

  await page.getByRole("button", { name: "Gửi thông báo" }).click();
  await page.getByText("Gửi ngay").click();
  await expect.poll(() => page.getByRole("status").innerText()).toContain("Đã gửi");

  const row = page.getByTestId("published-announcement").filter({ hasText: title });
  await expect.poll(() => row.innerText(), { timeout: 30_000, interval: 500 }).toContain("Đã gửi xong");
  const progress = await row.getByTestId("fanout-progress").innerText();
  const numbers = Object.fromEntries([...progress.matchAll(/([^·:]+): (\d+)/gu)].map((m) => [m[1]!.trim(), Number(m[2])]));
  expect(numbers["Đang chờ"]).toBe(0);
  expect(numbers["Lỗi"]).toBe(0);
  expect(numbers["Đã gửi"]).toBeGreaterThanOrEqual(1);
  expect(numbers["Đã gửi"]! + numbers["Không gửi được"]!).toBe(numbers["Người nhận"]);
  await row.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "admin-announcement-progress-360x740");

  const { messages } = (await (await fetch(`${stack.zaloEmulatorUrl}/_emulator/messages`)).json()) as { messages: EmulatorMessage[] };
  const ours = messages.filter((message) => message.templateData?.["tieu_de"] === title);
  expect(ours.filter((message) => message.recipient === citizenOaId)).toHaveLength(1);
  expect(ours).toHaveLength(numbers["Đã gửi"]!);
  expect(ours[0]).toMatchObject({ channel: "oa_template" });
  await context.close();
});
