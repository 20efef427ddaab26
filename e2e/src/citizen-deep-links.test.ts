import { beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumForThisFile, phonePage, saveScreenshot } from "./browser.js";

const stack = inject("stack");
const miniAppUrl = inject("miniAppUrl");
const chromium = chromiumForThisFile();

type EmulatorMessage = { recipient: string; templateData?: Record<string, string> };

beforeAll(async () => {
});

const targets = () => {
  const found = stack.demoLinkTargets;
  if (!found?.answeredThread) throw new Error("the stack seeded no answered thread");
  return { thread: found.answeredThread, announcement: found.announcement };
};

/** The Mini App at the query a Zalo link carries (`https://zalo.me/s/<app>/?…`), as the browser flavour opens it. */
const openWithQuery = (query: string, token: string) => `${miniAppUrl}/?token=${encodeURIComponent(token)}&${query.replace(/^\?/u, "")}`;

describe("links in Zalo messages open the right page of the Mini App", () => {
  it("'Xem câu trả lời' (?pakn=<thread>, the very link the backend sent) opens the citizen's thread with the staff answer", async () => {
    const { thread } = targets();
    // The seed's answer went out as an OA template message: its button link is what the citizen taps.
    const { messages } = (await (await fetch(`${stack.zaloEmulatorUrl}/_emulator/messages`)).json()) as { messages: EmulatorMessage[] };
    const sent = messages.find(
      (message) => message.recipient === stack.demoUsers.citizen.zaloOaUserId && message.templateData?.["noi_dung"] === thread.answer,
    );
    const link = new URL(sent!.templateData!["duong_dan"]!);
    expect(link.origin).toBe("https://zalo.me");
    expect(link.searchParams.get("pakn")).toBe(thread.id);

    const { context, page, errors } = await phonePage(chromium.browser);
    await page.goto(openWithQuery(link.search, stack.demoTokens.citizen));
    await page.waitForURL((url) => url.pathname === `/feedback/${thread.id}`);
    await expect.poll(() => page.getByTestId("feedback-message").count()).toBe(2);
    expect(await page.getByTestId("feedback-message").nth(1).innerText()).toContain(thread.answer);
    expect(await page.getByTestId("feedback-state").innerText()).toBe("Đã trả lời");
    await saveScreenshot(page, "deep-link-feedback-thread-360x740");

    // Opened from a link there is no page behind: the header's back button goes to the home page.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByRole("button", { name: "Tra cứu" }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("another citizen opening the same ?pakn= link sees 'not found', never the thread", async () => {
    const { thread } = targets();
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(openWithQuery(`pakn=${thread.id}`, stack.demoTokens.secondCitizen));
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Không tìm thấy câu hỏi này.");
    expect(await page.getByText(thread.answer).count()).toBe(0);
    await saveScreenshot(page, "deep-link-feedback-not-found-360x740");
    await context.close();
  });

  it("?tb=<announcement> opens that announcement", async () => {
    const { announcement } = targets();
    const { context, page } = await phonePage(chromium.browser);
    await page.goto(openWithQuery(`tb=${announcement.id}`, stack.demoTokens.citizen));
    await page.waitForURL((url) => url.pathname === `/announcements/${announcement.id}`);
    await expect.poll(() => page.getByText(announcement.title).count()).toBe(1);
    await saveScreenshot(page, "deep-link-announcement-360x740");
    await context.close();
  });

  it("an invalid ?tb= is ignored: the home page, no crash", async () => {
    const { context, page, errors } = await phonePage(chromium.browser);
    await page.goto(openWithQuery("tb=..%2F..%2Fadmin", stack.demoTokens.citizen));
    await expect.poll(() => page.getByRole("button", { name: "Tra cứu" }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(errors).toEqual([]);
    await context.close();
  });
});
