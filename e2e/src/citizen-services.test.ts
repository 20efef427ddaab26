import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";
import { ingest, receivedAtDesk } from "./ingest.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();
let browser: Browser;

const codes = { finished: "000.00.20.H27-261120-0501", unfinished: "000.00.20.H27-261120-0502" };
const k: Record<string, string> = {};

beforeAll(async () => {
  browser = chromium.browser;
  const results = await ingest(stack, [
    receivedAtDesk(codes.finished, { eventId: "e2e-501-a" }),
    { eventId: "e2e-501-b", dossierCode: codes.finished, status: 10, occurredAt: "2026-11-24T09:00:00+07:00" },
    receivedAtDesk(codes.unfinished, { eventId: "e2e-502-a" }),
    { eventId: "e2e-502-b", dossierCode: codes.unfinished, status: 4, occurredAt: "2026-11-21T09:00:00+07:00" },
  ]);
  for (const result of results) {
    if (result.receipt) {
      const url = new URL(result.receipt.url);
      k[url.searchParams.get("hs")!] = url.searchParams.get("k")!;
    }
  }
});


const ownerLink = (code: string) => `${miniAppUrl}/?token=${stack.demoTokens.citizen}&hs=${encodeURIComponent(code)}&k=${k[code]}`;

describe("rating a dossier from its page (owner view)", () => {
  it("rates a finished dossier: 'Không hài lòng' asks a reason, then the rating is shown and changeable", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(ownerLink(codes.finished));
    await expect.poll(() => page.getByTestId("view-notice").innerText()).toMatch(/đầy đủ/);
    await page.getByRole("heading", { name: "Đánh giá mức độ hài lòng" }).scrollIntoViewIfNeeded();
    const criterion = (name: string) => page.getByRole("group", { name });
    await criterion("Thái độ của cán bộ").getByText("Rất hài lòng", { exact: true }).click();
    await criterion("Kết quả giải quyết").getByText("Hài lòng", { exact: true }).click();
    await criterion("Đánh giá chung").getByText("Không hài lòng", { exact: true }).click();
    expect(await criterion("Đánh giá chung").getByRole("radio", { name: "Không hài lòng" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect.poll(() => page.getByRole("alert").first().innerText()).toContain("Vui lòng cho biết lý do");
    await page.getByText("Phải đi lại nhiều lần", { exact: true }).click();
    await page.getByPlaceholder("Góp ý thêm cho cơ quan").fill("Cần hướng dẫn rõ hơn ngay từ đầu.");
    await saveScreenshot(page, "rating-form-360x740");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();

    await expect.poll(() => page.getByTestId("rating-saved").innerText()).toContain("Cảm ơn bạn đã đánh giá");
    const saved = await page.getByTestId("rating-saved").innerText();
    expect(saved).toContain("Phải đi lại nhiều lần");
    expect(saved).toContain("Không hài lòng");
    expect(saved).toMatch(/sửa đến \d{2}\/\d{2}\/\d{4}/);
    await saveScreenshot(page, "rating-saved-360x740");

    // The API holds the same rating, and the one-stop system's feed will carry it.
    const stored = await fetch(`${stack.apiUrl}/v1/dossiers/${codes.finished}/rating?k=${k[codes.finished]}`, {
      headers: { authorization: `Bearer ${stack.demoTokens.citizen}` },
    }).then((r) => r.json());
    expect(stored.rating).toMatchObject({ attitude: "rat_hai_long", result: "hai_long", overall: "khong_hai_long", reason: "Phải đi lại nhiều lần" });

    // Changed within the 7 days.
    await page.getByRole("button", { name: "Sửa đánh giá" }).click();
    await criterion("Đánh giá chung").getByText("Hài lòng", { exact: true }).click();
    await page.getByRole("button", { name: "Cập nhật đánh giá" }).click();
    await expect.poll(() => page.getByTestId("rating-saved").innerText()).not.toContain("Phải đi lại nhiều lần");
    await context.close();
  });

  it("an unfinished dossier cannot be rated: no form, a note instead, and the API refuses", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(ownerLink(codes.unfinished));
    await expect.poll(() => page.getByTestId("view-notice").innerText()).toMatch(/đầy đủ/);
    await expect.poll(() => page.getByTestId("rating-not-yet").innerText()).toContain("khi hồ sơ đã giải quyết xong");
    expect(await page.getByRole("button", { name: "Gửi đánh giá" }).count()).toBe(0);
    const refused = await fetch(`${stack.apiUrl}/v1/dossiers/${codes.unfinished}/rating?k=${k[codes.unfinished]}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${stack.demoTokens.citizen}`, "content-type": "application/json" },
      body: JSON.stringify({ attitude: "hai_long", result: "hai_long", overall: "hai_long" }),
    });
    expect(refused.status).toBe(409);
    await context.close();
  });

  it("the public view (code typed, no receipt) shows no rating section", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/dossiers/${codes.finished}?token=${stack.demoTokens.citizen}`);
    await expect.poll(() => page.getByTestId("status-badge").textContent()).toBe("Đã trả kết quả");
    expect(await page.getByRole("heading", { name: "Đánh giá mức độ hài lòng" }).count()).toBe(0);
    await context.close();
  });
});

describe("questions and feedback", () => {
  it("asks a question about a dossier and sees the staff reply arrive in the thread", async () => {
    const { context, page } = await phonePage(browser);
    // A lookup first, so the dossier is offered in the form.
    await page.goto(ownerLink(codes.unfinished));
    await expect.poll(() => page.getByTestId("view-notice").innerText()).toMatch(/đầy đủ/);
    await page.goto(`${miniAppUrl}/feedback?token=${stack.demoTokens.citizen}`);
    await page.getByRole("button", { name: "Gửi câu hỏi mới" }).click();
    // The list may show the seeded threads' "Phản ánh" labels too: choose the type on the form itself.
    await page.waitForURL(/\/feedback\/new/u);
    await page.getByPlaceholder("Nhập câu hỏi, phản ánh hoặc góp ý của bạn").waitFor();
    await page.getByText("Phản ánh", { exact: true }).click();
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Vui lòng nhập nội dung");
    await page.getByPlaceholder("Nhập câu hỏi, phản ánh hoặc góp ý của bạn").fill("Hồ sơ của tôi đã quá 3 ngày vẫn đang xử lý, xin hỏi khi nào có kết quả?");
    // Once the citizen writes, the "write something" error is gone.
    await expect.poll(() => page.getByText("Vui lòng nhập nội dung").count()).toBe(0);
    await page.getByRole("combobox").selectOption(codes.unfinished);
    await saveScreenshot(page, "feedback-form-360x740");
    await page.getByRole("button", { name: "Gửi", exact: true }).click();

    await expect.poll(() => page.getByRole("status").innerText()).toContain("Đã gửi");
    const threadId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    await expect.poll(() => page.locator("body").innerText()).toContain(`Hồ sơ ${codes.unfinished}`);
    expect(await page.getByTestId("feedback-state").innerText()).toBe("Mới");

    // The desk answers through the staff inbox's own route, as an officer would.
    const replied = await fetch(`${stack.apiUrl}/v1/admin/feedback/${encodeURIComponent(threadId)}/replies`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.demoTokens.admin}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "Hồ sơ đang chờ ý kiến phòng Tư pháp, dự kiến có kết quả ngày 27/11." }),
    });
    expect(replied.status).toBe(201);
    await page.reload();
    await expect.poll(() => page.getByTestId("feedback-message").count()).toBe(2);
    expect(await page.getByTestId("feedback-message").nth(1).innerText()).toContain("dự kiến có kết quả ngày 27/11");
    expect(await page.getByTestId("feedback-state").innerText()).toBe("Đã trả lời");
    await page.getByRole("button", { name: "Hữu ích", exact: true }).click();
    await expect.poll(() => page.getByTestId("feedback-helpful-answer").innerText()).toContain("Cảm ơn bạn đã cho biết");
    await saveScreenshot(page, "feedback-thread-360x740");

    await page.goto(`${miniAppUrl}/feedback?token=${stack.demoTokens.citizen}`);
    await expect.poll(() => page.getByTestId("feedback-thread-card").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("feedback-thread-card").first().innerText()).toContain("Đã trả lời");
    await saveScreenshot(page, "feedback-list-360x740");
    await context.close();
  });
});

describe("procedures and announcements", () => {
  it("finds procedures without diacritics ('ho tich' finds Hộ tịch) with time, fee, documents and the portal link", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/procedures?token=${stack.demoTokens.citizen}`);
    await page.getByRole("searchbox").fill("ho tich");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect.poll(async () => (await page.getByTestId("procedure-card").allInnerTexts()).join("\n")).toContain("Đăng ký khai sinh");
    const cards = await page.getByTestId("procedure-card").allInnerTexts();
    for (const card of cards) expect(card).toContain("Hộ tịch");
    expect(cards.some((card) => card.includes("Đăng ký kết hôn"))).toBe(true);
    const birth = page.getByTestId("procedure-card").filter({ hasText: "Đăng ký khai sinh" });
    await birth.getByRole("button", { name: "Xem chi tiết" }).click();
    const text = await birth.innerText();
    expect(text).toContain("03 ngày làm việc");
    expect(text).toContain("Miễn lệ phí");
    expect(text).toContain("Giấy chứng sinh");
    expect(await birth.getByRole("link", { name: /Cổng Dịch vụ công quốc gia/ }).getAttribute("href")).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
    await saveScreenshot(page, "procedures-search-360x740");
    await context.close();
  });

  it("lists announcements newest first and opens one", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/announcements?token=${stack.demoTokens.citizen}`);
    await expect.poll(() => page.getByTestId("announcement-card").count()).toBeGreaterThanOrEqual(4);
    // Another browser test may have published one of its own: the order is checked on the dates the cards show.
    const cards = await page.getByTestId("announcement-card").allInnerTexts();
    const shown = cards.map(publishedAtShown);
    expect(shown).toEqual([...shown].sort((a, b) => b.localeCompare(a)));
    expect(cards.some((card) => card.includes("Lịch nghỉ Tết"))).toBe(true);
    await saveScreenshot(page, "announcements-360x740");
    await page.getByTestId("announcement-card").filter({ hasText: "Bãi bỏ thủ tục" }).click();
    await expect.poll(() => page.locator("article").innerText()).toContain("Cơ sở dữ liệu quốc gia về dân cư");
    expect(await page.locator("article").innerText()).toContain("Thủ tục bãi bỏ");
    await context.close();
  });
});

/** The publication time a card shows (`dd/MM/yyyy` and `HH:mm`, in either order), as a sortable `yyyy-MM-dd HH:mm`. */
function publishedAtShown(card: string): string {
  const day = /(\d{2})\/(\d{2})\/(\d{4})/.exec(card);
  const time = /(\d{2}):(\d{2})/.exec(card);
  if (!day || !time) throw new Error(`no publication time on the card: ${card}`);
  return `${day[3]}-${day[2]}-${day[1]} ${time[1]}:${time[2]}`;
}
