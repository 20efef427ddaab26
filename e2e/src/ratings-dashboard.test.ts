import { readFileSync } from "node:fs";
import { expect, inject, it } from "vitest";
import { buildSeedRatingHistory } from "@motcua/local/seed/seed-ratings";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";
import { stackNow } from "./stack-time.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

const percent = (ratio: number) => `${(ratio * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;

it("the seeded admin opens the ratings dashboard, sees the seeded ratings' numbers and exports them as CSV", async () => {
  const { context, page, errors } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  await page.getByRole("link", { name: "Đánh giá hài lòng" }).click();

  const summaryAnswer = await page.waitForResponse((response) => response.url().includes("/v1/admin/ratings/summary"));
  const summary = (await summaryAnswer.json()) as { total: { ratings: number; satisfactionRatio: number; onTimeRatio: number } };
  // The seed rates four months of dossiers over every agency; other browser tests may add a rating this month.
  const seeded = buildSeedRatingHistory(stackNow(stack)).ratings.length;
  expect(summary.total.ratings).toBeGreaterThanOrEqual(seeded);
  await expect.poll(() => page.getByTestId("rated-count").textContent()).toBe(`${summary.total.ratings} hồ sơ được đánh giá`);
  expect(await page.getByTestId("satisfaction-ratio").textContent()).toBe(percent(summary.total.satisfactionRatio));
  expect(await page.getByTestId("on-time-ratio").textContent()).toBe(percent(summary.total.onTimeRatio));
  expect(summary.total.satisfactionRatio).toBeGreaterThan(0);
  expect(summary.total.satisfactionRatio).toBeLessThan(1);
  expect(await page.locator(".ratings-chart canvas").count()).toBe(2);
  await expect.poll(() => page.getByTestId("rating-row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await page.getByTestId("agency-table").locator("tbody tr").count()).toBe(4);
  await saveScreenshot(page, "ratings-dashboard-360x740");
  await page.locator("#ratings-criteria").scrollIntoViewIfNeeded();
  await saveScreenshot(page, "ratings-dashboard-criteria-360x740");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^danh-gia_\d{4}-\d{2}_\d{4}-\d{2}\.csv$/u);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter((line) => line.length > 0);
  expect(lines[0]).toBe("Mã hồ sơ,Mã cơ quan,Mã thủ tục,Thái độ cán bộ,Kết quả giải quyết,Hài lòng chung,Lý do không hài lòng,Góp ý,Tiến độ giải quyết,Đánh giá lúc,Sửa lần cuối lúc");
  // One line per rating (a quoted comment holds no line break in the seed).
  expect(lines.length - 1).toBe(summary.total.ratings);
  expect(errors).toEqual([]);
  await context.close();
});

it("an officer sees only their agency's aggregates: no per-dossier list and no export", async () => {
  const { context, page } = await phonePage(chromium.browser);
  const listRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/v1\/admin\/ratings(\.csv)?\?/u.test(request.url())) listRequests.push(request.url());
  });
  await page.goto(`${miniAppUrl}/admin/ratings?token=${stack.demoTokens.officer}`);
  const answer = await page.waitForResponse((response) => response.url().includes("/v1/admin/ratings/summary"));
  const summary = (await answer.json()) as { byAgency: { agencyCode: string }[] };
  expect(summary.byAgency.length).toBe(1);
  await expect.poll(() => page.getByTestId("rated-count").count()).toBe(1);
  expect(await page.getByRole("button", { name: "Xuất CSV" }).count()).toBe(0);
  expect(listRequests).toEqual([]);
  await saveScreenshot(page, "ratings-dashboard-officer-360x740");
  await context.close();
});
