import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, phonePage, saveScreenshot } from "./browser.js";
import { writeQrVideo } from "./fake-camera.js";
import { ingest, receivedAtDesk } from "./ingest.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;

/** A phone no seed dossier uses, so this file's citizen owns exactly the dossiers ingested here. */
const phone = "0398700111";
const codes = ["000.00.20.H27-261118-0901", "000.00.20.H27-261119-0902", "000.00.20.H27-261120-0903"];

async function createCitizen(name: string): Promise<{ accessToken: string }> {
  const response = await fetch(`${stack.zaloEmulatorUrl}/_emulator/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, phone, follower: false }),
  });
  if (response.status !== 201) throw new Error(`emulator refused the user: ${response.status}`);
  return (await response.json()) as { accessToken: string };
}

beforeAll(async () => {
  const results = await ingest(
    stack,
    codes.map((code, i) =>
      receivedAtDesk(code, {
        eventId: `e2e-zalo-${i}`,
        status: 5,
        occurredAt: `2026-11-${18 + i}T08:00:00+07:00`,
        unitName: "Phòng Tư pháp",
        note: "Bổ sung bản sao sổ hộ khẩu",
        procedureName: ["Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục hộ tịch"][i],
        applicantName: "Lê Thị Hoa",
        applicantPhone: phone,
        dueAt: "2026-11-28T17:00:00+07:00",
      }),
    ),
  );
  // The receipt of the first dossier, as the one-stop system prints it, filmed by the fake camera.
  const video = writeQrVideo(results[0]!.receipt!.url, "receipt-qr");
  chromium = await launchChromium(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${video}`]);
  browser = chromium.browser;
});

afterAll(async () => chromium?.close());

describe("the citizen side in Zalo (browser adapter)", () => {
  it("Quét mã QR: the camera reads the receipt and the dossier opens in owner view", async () => {
    const citizen = await createCitizen("Người quét mã");
    const { context, page, errors } = await phonePage(browser);
    await context.grantPermissions(["camera"]);
    await page.goto(`${miniAppUrl}/?token=${citizen.accessToken}`);
    await page.getByRole("button", { name: "Quét mã QR" }).waitFor();
    await saveScreenshot(page, "home-with-scan-360x740");
    await page.getByRole("button", { name: "Quét mã QR" }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toContain("/dossiers/000.00.20.H27-261118-0901");
    await expect.poll(() => page.getByText("Bạn đang xem đầy đủ thông tin hồ sơ.").count()).toBe(1);
    expect(await page.getByText("Bổ sung bản sao sổ hộ khẩu").count()).toBeGreaterThan(0);
    await saveScreenshot(page, "scan-owner-view-360x740");
    expect(errors.filter((e) => !/-2000/.test(e))).toEqual([]);
    await context.close();
  });

  it("consent → Hồ sơ của tôi (newest first, owner view) → withdraw", async () => {
    const citizen = await createCitizen("Lê Thị Hoa");
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/?token=${citizen.accessToken}`);
    await page.getByText("Hồ sơ của tôi", { exact: true }).click();
    await page.getByText("Chia sẻ số điện thoại để xem hồ sơ của bạn").waitFor();
    await saveScreenshot(page, "consent-360x740");

    await page.getByRole("button", { name: "Đồng ý và chia sẻ số điện thoại" }).click();
    await page.getByText("000.00.20.H27-261120-0903", { exact: true }).waitFor();
    const items = await page.locator(".my-dossiers__item").allTextContents();
    expect(items.map((text) => /000\.00\.20\.H27-\d{6}-\d{4}/.exec(text)?.[0])).toEqual([...codes].reverse());
    await saveScreenshot(page, "my-dossiers-360x740");

    // A dossier from the list opens in owner view without the receipt's signature.
    await page.getByText("000.00.20.H27-261119-0902", { exact: true }).click();
    await page.getByText("Bạn đang xem đầy đủ thông tin hồ sơ.").waitFor();

    await page.goto(`${miniAppUrl}/me`);
    await expect.poll(() => page.getByTestId("profile-phone").textContent()).toBe("0******111");
    await saveScreenshot(page, "profile-360x740");
    await page.getByRole("button", { name: "Rút lại sự đồng ý" }).click();
    await page.getByText("Rút lại và xoá").click();
    await expect.poll(() => page.getByTestId("profile-phone").textContent()).toBe("Chưa chia sẻ");

    // The backend forgot the phone: the list asks for consent again, and the dossier is public.
    const me = await fetch(`${stack.apiUrl}/v1/me/dossiers`, { headers: { authorization: `Bearer ${citizen.accessToken}` } });
    expect(me.status).toBe(403);
    await context.close();
  });

  it("Quan tâm OA: the follower state shown is the backend's, after Zalo's", async () => {
    const citizen = await createCitizen("Người theo dõi");
    const { context, page } = await phonePage(browser);
    await page.goto(`${miniAppUrl}/me?token=${citizen.accessToken}`);
    await page.getByRole("button", { name: "Quan tâm trang Zalo để nhận thông báo" }).click();
    await page.getByTestId("follow-state").waitFor();
    const me = (await (await fetch(`${stack.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${citizen.accessToken}` } })).json()) as {
      follower: { isFollower: boolean };
    };
    expect(me.follower.isFollower).toBe(true);
    await context.close();
  });
});
