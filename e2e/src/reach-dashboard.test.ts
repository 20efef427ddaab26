import { readFileSync } from "node:fs";
import { expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";
import { ingest } from "./ingest.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

interface Figures {
  dossiers: number;
  reachable: number;
  viewed: number;
  rated: number;
  finished: number;
  notified: { total: number; oa: number; zns: number };
  shares: { reachable: number | null; viewed: number | null; rated: number | null };
}
interface Report {
  from: string;
  to: string;
  months: ({ month: string } & Figures)[];
  agencies: ({ agencyCode: string; rank: number | null; fewDossiers: boolean } & Figures)[];
  total: Figures;
}

const percent = (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`);

/** A desk of this test only: 31 dossiers (enough to be ranked), 20 with a mobile number, 12 looked up in Zalo. */
const testAgency = "000.00.96.H27";
const deskDossiers = 31;
const deskMobiles = 20;
const deskViewed = 12;

async function addTestDesk(month: string) {
  const codes = Array.from({ length: deskDossiers }, (_, i) => `${testAgency}-${month.slice(2, 4)}${month.slice(5, 7)}02-${String(9000 + i)}`);
  await ingest(
    stack,
    codes.map((dossierCode, i) => ({
      eventId: `reach-e2e-${dossierCode}`,
      dossierCode,
      status: 2,
      occurredAt: `${month}-02T02:00:00.000Z`,
      dossier: {
        agencyCode: testAgency,
        agencyName: "UBND xã Thử Nghiệm",
        procedureCode: "1.001193.000.00.00.H27",
        procedureName: "Đăng ký khai sinh",
        applicantName: "Người Dùng Thử",
        applicantPhone: i < deskMobiles ? `09${String(10_000_000 + i).padStart(8, "0")}` : "02043854321",
        receivedAt: `${month}-02T02:00:00.000Z`,
        dueAt: `${month}-09T10:00:00.000Z`,
      },
    })),
  );
  for (const [i, dossierCode] of codes.slice(0, deskViewed).entries()) {
    const token = i % 2 === 0 ? stack.demoTokens.citizen : stack.demoTokens.secondCitizen;
    const response = await fetch(`${stack.apiUrl}/v1/dossiers/${dossierCode}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
  }
}

it("an admin sees the shares, the monthly trend and the desks ranked fairly at 360 px, and downloads the CSV", async () => {
  const { context, page, errors } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.admin}`);
  await page.getByText("Dành cho cán bộ: mở trang quản trị").click();
  const firstAnswer = page.waitForResponse((response) => response.url().includes("/v1/admin/reach?"));
  await page.getByRole("link", { name: "Hiệu quả kết nối Zalo" }).click();
  const first = (await (await firstAnswer).json()) as Report;
  // The page opens on the last six months; the test desk's dossiers are received in the first of them.
  expect(first.months).toHaveLength(6);
  await addTestDesk(first.from);

  const answer = page.waitForResponse((response) => response.url().includes("/v1/admin/reach?"));
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  const report = (await (await answer).json()) as Report;

  // The seeded dossiers of the last months and the test desk are counted; every number on screen is the answer's.
  expect(report.total.dossiers).toBeGreaterThan(first.total.dossiers);
  for (const key of ["reachable", "viewed", "rated"] as const) {
    await expect.poll(() => page.getByTestId(`reach-share-${key}`).locator(".reach-big").textContent()).toBe(percent(report.total.shares[key]));
  }
  expect(await page.getByTestId("reach-received").textContent()).toBe(`${report.total.dossiers.toLocaleString("vi-VN")} hồ sơ tiếp nhận`);
  expect(await page.getByTestId("reach-trend").locator("> li").count()).toBe(6);

  const desk = report.agencies.find((a) => a.agencyCode === testAgency)!;
  expect(desk).toMatchObject({ dossiers: deskDossiers, reachable: deskMobiles, viewed: deskViewed, fewDossiers: false, rank: 1 });
  const rows = page.getByTestId("reach-desk");
  expect(await rows.count()).toBe(report.agencies.length);
  const testRow = rows.filter({ hasText: testAgency });
  expect(await testRow.locator(".reach-rank").textContent()).toBe("#1");
  expect(await testRow.textContent()).toContain(percent(deskViewed / deskDossiers));
  // The seed's desks have a handful of dossiers a month: listed, flagged, not ranked.
  const few = report.agencies.filter((a) => a.fewDossiers);
  expect(few.length).toBeGreaterThan(0);
  expect(await page.getByText("Ít hồ sơ, chưa xếp hạng").count()).toBe(few.length);
  // A seeded desk by its name, its code on a small line (the test desk, named after the page loaded, by its code).
  const kinhBac = rows.filter({ hasText: "000.21.20.H27" });
  expect(await kinhBac.locator(".agency-name").textContent()).toBe("UBND phường Kinh Bắc");

  await saveScreenshot(page, "reach-dashboard-360x740");
  await page.locator("#reach-trend").scrollIntoViewIfNeeded();
  await saveScreenshot(page, "reach-dashboard-trend-360x740");
  await page.locator("#reach-desks").scrollIntoViewIfNeeded();
  await saveScreenshot(page, "reach-dashboard-desks-360x740");
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("reach-csv").click()]);
  expect(download.suggestedFilename()).toBe(`ket-noi-zalo_${report.from}_${report.to}.csv`);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter((line) => line.length > 0);
  expect(lines[0]).toBe(
    "Tháng tiếp nhận,Mã cơ quan,Hồ sơ tiếp nhận,Liên lạc được qua Zalo,Đã nhận tin (mọi kênh),Đã nhận tin qua OA,Đã nhận tin qua ZNS,Đã tra cứu trên Mini App,Đã giải quyết xong,Đã đánh giá,Người quan tâm OA mới",
  );
  expect(lines.filter((line) => line.startsWith(`${report.from},${testAgency},${deskDossiers},${deskMobiles},`))).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

it("an officer sees only their agency, without the CSV", async () => {
  const { context, page } = await phonePage(chromium.browser);
  await page.goto(`${miniAppUrl}/admin/reach?token=${stack.demoTokens.officer}`);
  const answer = await page.waitForResponse((response) => response.url().includes("/v1/admin/reach?"));
  const report = (await answer.json()) as Report;
  expect(report.agencies.length).toBe(1);
  expect(report.agencies[0]!.agencyCode).not.toBe(testAgency);
  await expect.poll(() => page.getByTestId("reach-desk").count()).toBe(1);
  expect(await page.getByTestId("reach-csv").count()).toBe(0);
  await saveScreenshot(page, "reach-dashboard-officer-360x740");
  await context.close();
});
