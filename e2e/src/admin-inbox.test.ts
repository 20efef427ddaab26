import { beforeAll, expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";
import { waitForMessagesToSettle } from "@motcua/local/zalo-emulator/wait-for-messages-to-settle";
import { ingest, receivedAtDesk } from "./ingest.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

type EmulatorMessage = { channel: string; recipient: string; templateData?: Record<string, string> };
async function messagesTo(recipient: string): Promise<EmulatorMessage[]> {
  const response = await fetch(`${stack.zaloEmulatorUrl}/_emulator/messages`);
  const { messages } = (await response.json()) as { messages: EmulatorMessage[] };
  return messages.filter((message) => message.recipient === recipient);
}

beforeAll(async () => {
  // The demo citizen opens the Mini App once: the backend learns from Zalo that he follows the OA.
  const me = await fetch(`${stack.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${stack.demoTokens.citizen}` } });
  expect(me.status).toBe(200);
});

it("the admin sees the late badge, answers a seeded thread (the answer reaches the citizen's Zalo) and closes it", async () => {
  const { context, page } = await phonePage(chromium.browser);
  const citizenOaId = stack.demoUsers.citizen.zaloOaUserId;
  const before = (await messagesTo(citizenOaId)).length;

  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await expect.poll(() => page.getByTestId("inbox-late-badge").textContent()).toBe("1 quá hạn");
  await saveScreenshot(page, "admin-inbox-card-360x740");

  await page.getByText("Hộp thư phản ánh, kiến nghị").click();
  await expect.poll(() => page.getByTestId("inbox-thread").count()).toBeGreaterThanOrEqual(2);
  const first = page.getByTestId("inbox-thread").first();
  expect(await first.getByTestId("late-chip").innerText()).toMatch(/^Quá hạn \d+ ngày$/u);
  expect(await first.innerText()).toContain("căn cước");
  // One date format for staff and citizens: dd/MM/yyyy HH:mm.
  expect(await first.innerText()).toMatch(/\b\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\b/u);
  await saveScreenshot(page, "admin-inbox-list-360x740");

  await page.getByTestId("inbox-thread").filter({ hasText: "quá ngày hẹn" }).getByRole("button").click();
  await expect.poll(() => page.getByTestId("inbox-message").count()).toBe(1);
  const answer = "Chào anh An, hồ sơ đang chờ lãnh đạo ký, dự kiến có kết quả trong 2 ngày làm việc.";
  await page.getByLabel("Nội dung trả lời").fill(answer);
  await page.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect.poll(() => page.getByTestId("inbox-message").count()).toBe(2);
  expect(await page.getByTestId("thread-state").innerText()).toBe("Đã trả lời");
  await expect.poll(async () => (await messagesTo(citizenOaId)).length, { timeout: 15_000 }).toBe(before + 1);
  const [message] = (await messagesTo(citizenOaId)).slice(before);
  expect(message).toMatchObject({ channel: "oa_template", templateData: { noi_dung: answer } });
  await saveScreenshot(page, "admin-inbox-thread-360x740");

  // One tap beside "Gửi trả lời" must not close the thread: a named dialog asks first, and "Chưa đóng" keeps it open.
  await page.getByRole("button", { name: "Đóng phản ánh" }).click();
  const dialog = page.getByRole("dialog", { name: "Đóng phản ánh này?" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Chưa đóng" }).click();
  await dialog.waitFor({ state: "hidden" });
  expect(await page.getByTestId("thread-state").innerText()).toBe("Đã trả lời");
  await page.getByRole("button", { name: "Đóng phản ánh" }).click();
  await page.getByRole("dialog", { name: "Đóng phản ánh này?" }).getByRole("button", { name: "Đóng phản ánh" }).click();
  await expect.poll(() => page.getByTestId("thread-state").innerText()).toBe("Đã đóng");
  expect(await page.getByRole("button", { name: "Mở lại" }).count()).toBe(1);
  // One back control: the header's, which returns to the list.
  expect(await page.getByRole("button", { name: /Quay lại/u }).count()).toBe(1);
  await page.getByRole("button", { name: "Quay lại" }).click();
  await expect.poll(() => page.getByTestId("inbox-thread").count()).toBeGreaterThanOrEqual(1);
  await context.close();
});

it("the admin finds a failed message in the delivery log and sends it again: exactly one message arrives", async () => {
  const phone = `84${stack.demoUsers.citizen.phone.slice(1)}`;
  const code = "000.00.20.H27-261120-0601";
  const fault = await fetch(`${stack.zaloEmulatorUrl}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ error: -109, count: 1 }),
  });
  expect(fault.status).toBe(201);
  await ingest(stack, [
    receivedAtDesk(code, { eventId: "e2e-601-received", applicantName: stack.demoUsers.citizen.name, applicantPhone: stack.demoUsers.citizen.phone }),
  ]);

  const { context, page } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await page.getByText("Nhật ký gửi tin nhắn Zalo").click();
  const failed = page.getByTestId("log-entry").filter({ hasText: code });
  await expect
    .poll(async () => {
      await page.getByRole("button", { name: "Xem", exact: true }).click();
      return failed.count();
    }, { timeout: 15_000 })
    .toBe(1);
  expect(await failed.innerText()).toContain("-109");
  await saveScreenshot(page, "admin-delivery-log-360x740");

  const before = (await messagesTo(phone)).filter((m) => m.templateData?.["ma_ho_so"] === code).length;
  expect(before).toBe(0);
  await failed.getByRole("button", { name: "Gửi lại" }).click();
  await expect.poll(() => page.getByRole("status").innerText()).toBe("Đã đưa vào hàng gửi lại.");
  await expect.poll(async () => (await messagesTo(phone)).filter((m) => m.templateData?.["ma_ho_so"] === code).length, { timeout: 15_000 }).toBe(1);
  // Sent again once only: after the emulator's messages stop arriving, still exactly one for the dossier.
  await waitForMessagesToSettle(stack.zaloEmulatorUrl, { quietMs: 1000, timeoutMs: 15_000 });
  expect((await messagesTo(phone)).filter((m) => m.templateData?.["ma_ho_so"] === code)).toHaveLength(1);

  await page.getByLabel("Mã hồ sơ (không bắt buộc)").fill(code);
  await page.getByLabel("Trạng thái").selectOption("sent");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect.poll(() => page.getByTestId("log-entry").count()).toBe(1);
  expect(await page.getByTestId("log-entry").innerText()).toContain("Mã tin Zalo");
  await saveScreenshot(page, "admin-delivery-log-sent-360x740");
  await context.close();
});
