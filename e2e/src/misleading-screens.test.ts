import { describe, expect, inject, it } from "vitest";
import { stackNow } from "./stack-time.js";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

async function createCitizen(name: string): Promise<{ accessToken: string }> {
  const response = await fetch(`${stack.zaloEmulatorUrl}/_emulator/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, phone: "0933000111", follower: false }),
  });
  return (await response.json()) as { accessToken: string };
}

/** The day of the instant just before `endOfDay`, in Vietnam time (UTC+7, no daylight saving). */
function vietnamDayBefore(endOfDay: string): string {
  const shifted = new Date(Date.parse(endOfDay) - 1 + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(shifted.getUTCDate())}/${pad(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`;
}

describe("what used to be wrong or misleading", () => {
  it("the citizen sees the answer deadline as its day, as staff see it (not the next day at 00:00)", async () => {
    const citizen = await createCitizen("Người hỏi hạn trả lời");
    const created = await fetch(`${stack.apiUrl}/v1/feedback`, {
      method: "POST",
      headers: { authorization: `Bearer ${citizen.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ type: "hoi_dap", text: "Làm giấy khai sinh cho con cần mang gì?" }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id?: string; replyDueAt?: string; thread?: { id: string; replyDueAt: string } };
    const thread = body.thread ?? (body as { id: string; replyDueAt: string });
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}/feedback/${thread.id}?token=${citizen.accessToken}`);
    await page.getByText("Hạn trả lời").first().waitFor();
    expect(await page.getByText("Hạn trả lời").first().innerText()).toBe(`Hạn trả lời: hết ngày ${vietnamDayBefore(thread.replyDueAt)}`);
    await context.close();
  });

  it("a thread that cannot be found offers the way on: the citizen's questions, or a new one", async () => {
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}/feedback/khong-co-cau-hoi-nay?token=${stack.demoTokens.citizen}`);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Không tìm thấy câu hỏi này.");
    await page.getByRole("link", { name: "Gửi câu hỏi mới" }).click();
    await page.waitForURL((url) => url.pathname === "/feedback/new");
    await page.goBack();
    await page.getByRole("link", { name: "Về danh sách" }).click();
    await page.waitForURL((url) => url.pathname === "/feedback");
    await context.close();
  });

  it("after too many lookups the page says how long to wait, from the API's Retry-After", async () => {
    const citizen = await createCitizen("Người tra cứu nhiều");
    // The limits count per minute of the stack's clock: start early in a minute, so the page's own lookup falls in
    // the same minute as the 429 (late in a minute it would open a fresh window and be answered).
    const intoMinute = stackNow(stack).getTime() % 60_000;
    if (intoMinute > 30_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 1_000));
    // Unknown codes count against the stricter failed-lookup limit (10 a minute by default).
    let retryAfter: string | null = null;
    for (let i = 0; i < 30 && retryAfter === null; i++) {
      const response = await fetch(`${stack.apiUrl}/v1/dossiers/KHONGCO-${String(i).padStart(4, "0")}`, {
        headers: { authorization: `Bearer ${citizen.accessToken}` },
      });
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}/dossiers/KHONGCO-9999?token=${citizen.accessToken}`);
    await page.getByText("Bạn tra cứu quá nhanh").waitFor();
    const shown = await page.locator("main").innerText();
    expect(shown).toMatch(/Vui lòng thử lại sau \d+ giây\./u);
    // Said once: the API's message names the wait too, and the page does not repeat it.
    expect(shown.match(/thử lại sau/gu)).toHaveLength(1);
    await saveScreenshot(page, "rate-limited-360x740");
    await context.close();
  }, 120_000);

  it("the public view says what the receipt's QR adds instead of only asking to scan it", async () => {
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}/dossiers/${encodeURIComponent(stack.demoDossier!.code)}?token=${stack.demoTokens.citizen}`);
    const notice = await page.getByTestId("view-notice").innerText();
    expect(notice).toContain("thông tin công khai");
    expect(notice).toContain("ghi chú của cán bộ");
    expect(notice).toContain("đánh giá");
    await context.close();
  });

  it("the profile page is titled like the home link that opens it, and the phone reads as a Vietnamese number", async () => {
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.citizen}`);
    await page.getByRole("link", { name: "Tài khoản và quyền riêng tư" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Tài khoản và quyền riêng tư");
    const words = await page.locator("main").innerText();
    expect(words).not.toMatch(/\bOA\b|Official Account|Mini App/u);
    await context.close();
  });

  it("the officer's staff tab promises no CSV export (only admins have it)", async () => {
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}/admin?token=${stack.demoTokens.officer}`);
    await page.getByText("Đánh giá hài lòng").first().waitFor();
    expect(await page.locator("main").innerText()).not.toContain("CSV");
    await context.close();
  });

  it("the procedures page shows a short list with 'Xem thêm', labels on one line, and next steps when nothing matches", async () => {
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}/procedures?token=${stack.demoTokens.citizen}`);
    await page.getByTestId("procedure-card").first().waitFor();
    expect(await page.getByTestId("procedure-card").count()).toBe(5);
    await page.getByRole("button", { name: /^Xem thêm \d+ thủ tục$/u }).click();
    expect(await page.getByTestId("procedure-card").count()).toBeGreaterThan(5);
    const labelLines = await page.getByText("Thời hạn giải quyết", { exact: true }).first().evaluate((label) => {
      const range = document.createRange();
      range.selectNodeContents(label);
      return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
    });
    expect(labelLines).toBe(1);
    await page.getByRole("searchbox").fill("khong co thu tuc nao ten nay");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await page.getByText("Không tìm thấy thủ tục phù hợp.").waitFor();
    expect(await page.getByRole("link", { name: "Tìm trên Cổng Dịch vụ công quốc gia" }).getAttribute("href")).toMatch(/^https:\/\/dichvucong\.gov\.vn\//u);
    await page.getByRole("link", { name: "Gửi câu hỏi cho cán bộ" }).click();
    await page.waitForURL((url) => url.pathname === "/feedback/new");
    await context.close();
  });

  it("the Mini App has a /favicon.ico", async () => {
    const response = await fetch(`${miniAppUrl}/favicon.ico`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});
