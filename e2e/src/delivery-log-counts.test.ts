import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { findLayoutProblems, scaleEveryTextSize } from "./a11y/layout-checks.js";
import { launchChromium, phonePage, saveScreenshot } from "./browser.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => chromium?.close());

type Counts = Record<"pending" | "sending" | "failed" | "undeliverable" | "unconfirmed", { count: number; atLeast: boolean }>;
const shown = (c: { count: number; atLeast: boolean }) => `${c.count.toLocaleString("vi-VN")}${c.atLeast ? "+" : ""}`;

it("the delivery log shows every unsent state's count at once, as the server counted them, and a chip opens that list", async () => {
  const { context, page, errors } = await phonePage(chromium.browser);
  const answer = page.waitForResponse((response) => response.url().endsWith("/v1/admin/notifications/counts"));
  await page.goto(`${miniAppUrl}/admin/notifications?token=${stack.demoTokens.admin}`);
  const { counts } = (await (await answer).json()) as { counts: Counts };
  await expect.poll(() => page.getByTestId("log-counts").getByRole("button").allTextContents()).toEqual([
    `Đang chờ gửi ${shown(counts.pending)}`,
    `Đang gửi ${shown(counts.sending)}`,
    `Gửi lỗi ${shown(counts.failed)}`,
    `Không gửi được ${shown(counts.undeliverable)}`,
    `Không rõ đã gửi hay chưa ${shown(counts.unconfirmed)}`,
  ]);
  expect(await page.getByTestId("log-count-failed").getAttribute("aria-pressed")).toBe("true");
  await saveScreenshot(page, "admin-delivery-log-counts-360x740");

  const listed = page.waitForResponse((response) => response.url().includes("/v1/admin/notifications?") && response.url().includes("state=undeliverable"));
  await page.getByTestId("log-count-undeliverable").click();
  const { notifications } = (await (await listed).json()) as { notifications: { state: string }[] };
  expect(notifications.every((n) => n.state === "undeliverable")).toBe(true);
  expect(await page.getByLabel("Trạng thái").inputValue()).toBe("undeliverable");
  await expect.poll(() => page.getByTestId("log-entry").count()).toBe(notifications.length);
  // Every state, kind and reason in Vietnamese: no code of the notify function on screen.
  expect(await page.locator(".inbox").innerText()).not.toMatch(/\b(undeliverable|not_a_follower|no_phone_on_dossier|dossier_[a-z_]+|quiet_hours)\b/u);
  await saveScreenshot(page, "admin-delivery-log-undeliverable-360x740");

  // "Đã gửi" without a dossier code: the warning, and no list of another filter under it.
  await page.getByLabel("Trạng thái").selectOption("sent");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect.poll(() => page.getByRole("alert").innerText()).toBe("Tin đã gửi chỉ xem được theo mã hồ sơ.");
  expect(await page.getByTestId("log-entry").count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

it("at 200% text the staff screens changed here stay readable at 360 px: nothing cut, overlapping or off screen", async () => {
  const screens = [
    { name: "delivery-log", path: "/admin/notifications", ready: "log-counts" },
    { name: "ratings-trend", path: "/admin/ratings", ready: "trend-table" },
    { name: "admin-staff-list", path: "/admin", ready: "staff-member" },
  ];
  const failures: Record<string, unknown> = {};
  for (const screen of screens) {
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(`${miniAppUrl}${screen.path}?token=${stack.demoTokens.admin}`);
    await page.getByTestId(screen.ready).first().waitFor();
    await page.waitForLoadState("networkidle");
    await scaleEveryTextSize(page, 2);
    await page.getByTestId(screen.ready).first().scrollIntoViewIfNeeded();
    const problems = await findLayoutProblems(page);
    if (problems.length > 0) failures[screen.name] = problems;
    await saveScreenshot(page, `staff-${screen.name}-text-200`);
    await context.close();
  }
  expect(failures).toEqual({});
});
