import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";
import { ingest, receivedAtDesk } from "./ingest.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();
let browser: Browser;

const code = "000.00.20.H27-261120-0042";
let receiptK = "";

beforeAll(async () => {
  browser = chromium.browser;
  const [first] = await ingest(stack, [
    receivedAtDesk(code, { eventId: "e2e-42-received", unitName: "Bộ phận Một cửa" }),
    { eventId: "e2e-42-processing", dossierCode: code, status: 4, occurredAt: "2026-11-20T10:00:00+07:00", unitName: "Phòng Tư pháp" },
    {
      eventId: "e2e-42-supplement",
      dossierCode: code,
      status: 5,
      occurredAt: "2026-11-21T09:30:00+07:00",
      unitName: "Phòng Tư pháp",
      note: "Bổ sung bản sao giấy chứng sinh",
    },
  ]);
  receiptK = new URL(first!.receipt!.url).searchParams.get("k")!;
});


describe("looking a dossier up in the Mini App", () => {
  it("typing a code shows the dossier's statuses in its timeline (public view)", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.citizen}`);
    await page.getByLabel("Mã hồ sơ").fill(`  ${code.toLowerCase()} `);
    await saveScreenshot(page, "home-360x740");
    await page.getByRole("button", { name: "Tra cứu", exact: true }).click();

    await expect.poll(() => page.getByTestId("status-badge").textContent()).toBe("Yêu cầu bổ sung giấy tờ");
    const timeline = await page.getByTestId("timeline-item").allTextContents();
    expect(timeline).toHaveLength(3);
    const statuses = ["Được tiếp nhận", "Đang xử lý", "Yêu cầu bổ sung giấy tờ"];
    for (const status of statuses) expect(timeline.some((item) => item.includes(status))).toBe(true);
    // The public view hides the notes and masks the applicant's name.
    const text = await page.locator("body").innerText();
    expect(text).not.toContain("Bổ sung bản sao giấy chứng sinh");
    expect(text).toContain("Nguyễn V** A*");
    await saveScreenshot(page, "dossier-public-360x740");
    await context.close();
  });

  it("a malformed code gets a clear message and no lookup", async () => {
    const { context, page } = await phonePage(browser);
    const lookups: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/v1/dossiers/")) lookups.push(request.url());
    });
    await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.citizen}`);
    await page.getByLabel("Mã hồ sơ").fill("HS*12");
    await page.getByRole("button", { name: "Tra cứu", exact: true }).click();
    await expect.poll(() => page.locator("body").innerText()).toMatch(/Mã hồ sơ/);
    const text = await page.locator("body").innerText();
    expect(text).toMatch(/không hợp lệ|chỉ gồm|ký tự/i);
    expect(lookups).toEqual([]);
    await saveScreenshot(page, "home-malformed-code-360x740");
    await context.close();
  });

  it("the receipt's deep link (?hs=…&k=…) opens the dossier in owner view", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.citizen}&hs=${encodeURIComponent(code)}&k=${receiptK}`);
    await expect.poll(() => page.getByTestId("view-notice").innerText()).toMatch(/đầy đủ/);
    const text = await page.locator("body").innerText();
    expect(text).toContain("Bổ sung bản sao giấy chứng sinh");
    expect(text).toContain("Nguyễn Văn An");
    expect(new URL(page.url()).pathname).toBe(`/dossiers/${code}`);
    await saveScreenshot(page, "dossier-owner-360x740");
    await context.close();
  });

  it("an unknown code shows the not-found state", async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/dossiers/000.00.20.H27-261120-9999?token=${stack.demoTokens.citizen}`);
    await expect.poll(() => page.locator("body").innerText(), { timeout: 10_000 }).toMatch(/Không tìm thấy/);
    await context.close();
  });

  it("a seeded dossier of the demo stack opens from its receipt link", async () => {
    const demo = stack.demoDossier!;
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/?token=${stack.demoTokens.citizen}&hs=${encodeURIComponent(demo.hs)}&k=${demo.k}`);
    await expect.poll(() => page.getByTestId("view-notice").innerText()).toMatch(/đầy đủ/);
    await context.close();
  });
});
