import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

beforeAll(async () => {
});
afterAll(async () => {
  // The rest of the run gets the OA's default quota back.
  await emulator("POST", "/_emulator/quota", { perDay: null, channel: "oa" });
});

interface EmulatorMessage {
  templateData?: Record<string, string>;
}

async function emulator(method: "GET" | "POST", path: string, body?: unknown) {
  const response = await fetch(`${stack.zaloEmulatorUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

async function api(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

/** A staff answer goes to the citizen as an OA template message: a dossier-side message, never held by the reserve. */
async function staffAnswerReaches(threadId: string, text: string) {
  await api("POST", `/v1/admin/feedback/${threadId}/replies`, stack.demoTokens.admin, { text });
  await expect
    .poll(
      async () => ((await emulator("GET", "/_emulator/messages")) as { messages: EmulatorMessage[] }).messages.some((m) => Object.values(m.templateData ?? {}).some((v) => v.startsWith(text.slice(0, 40)))),
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
}

it("the announcements page shows a fan-out paused at the day's reserve, with the numbers, and the quota line", async () => {
  // A day part-way through: 90 of 100 template messages spent, so 10 are left, under the 30% kept for dossier messages.
  const perDay = 100;
  const used = 90;
  await emulator("POST", "/_emulator/quota", { perDay, usedToday: used, channel: "oa" });

  // A staff answer to the demo citizen (who follows the OA) goes out and tells the product the new quota.
  const thread = await api("POST", "/v1/feedback", stack.demoTokens.citizen, { type: "hoi_dap", text: "Cho tôi hỏi thời gian trả kết quả đăng ký khai sinh?" });
  const threadId = String(thread["id"]);
  await staffAnswerReaches(threadId, `Kết quả được trả trong ngày làm việc (${randomUUID().slice(0, 8)}).`);

  const { context, page, errors } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await page.getByRole("link", { name: "Gửi thông báo cho công dân" }).click();
  const title = `Lịch tiếp nhận hồ sơ dịp Tết (${randomUUID().slice(0, 8)})`;
  await page.getByLabel("Loại thông báo").selectOption("notice");
  await page.getByLabel("Tiêu đề").fill(title);
  await page.getByLabel("Nội dung").fill("Bộ phận Một cửa tiếp nhận hồ sơ đến hết ngày 12/02/2027 và làm việc lại từ ngày 22/02/2027.");
  await page.getByRole("button", { name: "Xem trước" }).click();
  await page.getByRole("button", { name: "Gửi thông báo" }).click();
  await page.getByText("Gửi ngay").click();

  const row = page.getByTestId("published-announcement").filter({ hasText: title });
  await expect.poll(() => row.innerText(), { timeout: 30_000, interval: 500 }).toContain("Tạm dừng: chờ hạn mức ngày mai");
  const text = await row.innerText();
  const detail = /Đã gửi (\d+) \/ (\d+) · (\d+) tin chờ đến ([^\n]+)/u.exec(text);
  expect(detail, text).not.toBeNull();
  const [, sent, total, waiting, resumesAt] = detail!;
  expect(Number(sent)).toBe(0);
  expect(Number(waiting)).toBe(Number(total));
  expect(Number(total)).toBeGreaterThanOrEqual(1);
  expect(resumesAt).toContain("00:00");

  const quota = page.getByTestId("send-quota");
  await expect.poll(() => quota.innerText(), { timeout: 10_000 }).toContain(`Hạn mức hôm nay: đã dùng ${used + 1} / ${perDay}`);
  expect(await quota.innerText()).toContain("Giữ 30% hạn mức mỗi ngày cho tin về hồ sơ");
  await row.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "admin-announcement-paused-360x740");

  // Nothing of the announcement reached Zalo.
  const { messages } = (await emulator("GET", "/_emulator/messages")) as { messages: EmulatorMessage[] };
  expect(messages.filter((m) => m.templateData?.["tieu_de"] === title)).toHaveLength(0);
  expect(errors.filter((message) => !/-2000/u.test(message))).toEqual([]);
  await context.close();

  // Back to the default quota: the next answer's reading replaces the low one, so later announcements are not held.
  await emulator("POST", "/_emulator/quota", { perDay: null, channel: "oa" });
  await staffAnswerReaches(threadId, `Anh có thể theo dõi hồ sơ trong Mini App (${randomUUID().slice(0, 8)}).`);
});
