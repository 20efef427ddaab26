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
  // Agencies by name (code on a small line), in the table and in the filter.
  await expect.poll(() => page.getByTestId("agency-table").locator(".agency-name").allTextContents()).toEqual(
    expect.arrayContaining(["Sở Tư pháp", "UBND phường Kinh Bắc", "UBND xã Sơn Động", "UBND phường Võ Cường"]),
  );
  expect(await page.getByTestId("agency-table").locator(".agency-code").allTextContents()).toEqual(expect.arrayContaining(["000.21.20.H27"]));
  expect(await page.locator(".ratings-filters select").last().locator("option").allTextContents()).toEqual(expect.arrayContaining(["Tất cả cơ quan", "UBND phường Kinh Bắc"]));
  await saveScreenshot(page, "ratings-dashboard-360x740");
  await page.locator("#ratings-criteria").scrollIntoViewIfNeeded();
  await saveScreenshot(page, "ratings-dashboard-criteria-360x740");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất CSV", exact: true }).click()]);
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

it("the trend gives each month's number of ratings and marks months with too few as not to be judged, in the table and its CSV", async () => {
  const { context, page, errors } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/admin/ratings?token=${stack.demoTokens.admin}`);
  const answer = await page.waitForResponse((response) => response.url().includes("/v1/admin/ratings/summary"));
  const summary = (await answer.json()) as { byMonth: { month: string; ratings: number; satisfactionRatio: number | null }[] };
  await expect.poll(() => page.getByTestId("trend-month").count()).toBe(summary.byMonth.length);
  const rows = await page.getByTestId("trend-month").allTextContents();
  // The seed rates the four months before this one (11–13 each over every agency); the six-month default also
  // holds this month and the one before the seed, with few or no ratings.
  const tooFew = summary.byMonth.filter((m) => m.ratings < 10);
  const enough = summary.byMonth.filter((m) => m.ratings >= 10);
  expect(tooFew.length).toBeGreaterThan(0);
  expect(enough.length).toBeGreaterThan(0);
  summary.byMonth.forEach((month, i) => {
    expect(rows[i]).toContain(`Tháng ${Number(month.month.slice(5, 7))}/${month.month.slice(0, 4)}${month.ratings} lượt đánh giá`);
    if (month.ratings < 10) expect(rows[i]).toContain("Chưa đủ số lượt để đánh giá");
    else expect(rows[i]).toContain(`Tỷ lệ hài lòng ${percent(month.satisfactionRatio!)}`);
  });
  expect(await page.getByText("Tháng có dưới 10 lượt đánh giá không được vẽ trên biểu đồ").count()).toBe(1);
  await page.getByTestId("trend-table").scrollIntoViewIfNeeded();
  await saveScreenshot(page, "ratings-trend-counts-360x740");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("trend-csv").click()]);
  const lines = readFileSync((await download.path())!).toString("utf8").replace(/^\uFEFF/u, "").split("\r\n").filter((line) => line.length > 0);
  expect(lines[0]).toBe("Tháng,Số lượt đánh giá,Tỷ lệ hài lòng,Tỷ lệ đúng hạn,Ghi chú");
  expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual(summary.byMonth.map((m) => `${m.month},${m.ratings}`));
  expect(lines.filter((line) => line.endsWith(",Chưa đủ số lượt để đánh giá")).length).toBe(tooFew.length);
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
  // No per-dossier export; the monthly figures (aggregates, no personal data) they may save.
  expect(await page.getByRole("button", { name: "Xuất CSV", exact: true }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Xuất CSV theo tháng" }).count()).toBe(1);
  expect(listRequests).toEqual([]);
  await saveScreenshot(page, "ratings-dashboard-officer-360x740");
  await context.close();
});
