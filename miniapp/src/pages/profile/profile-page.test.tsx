import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { PlatformError } from "../../platform";
import { citizenProfile as profile, fakeApi as api, verifiedPhone as verified } from "../../test/citizen-fixtures";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp } from "../../test/render-app";

describe("Tài khoản", () => {
  it("withdraws consent after confirmation (DELETE) and shows the phone gone", async () => {
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, profile(verified)),
      "DELETE /v1/me/phone": () => jsonResponse(200, profile(null)),
    });
    renderApp("/me", fetch, {}, { profileFromTest: true });
    expect((await screen.findByTestId("profile-phone")).textContent).toBe("0******678");
    fireEvent.click(screen.getByRole("button", { name: "Rút lại sự đồng ý" }));
    fireEvent.click(await screen.findByText("Rút lại và xoá"));
    await waitFor(() => expect(screen.getByTestId("profile-phone").textContent).toBe("Chưa chia sẻ"));
    expect(fetch.mock.calls.some(([, init]) => init?.method === "DELETE")).toBe(true);
  });

  it("follows the OA through the platform and shows the state the backend reports", async () => {
    let followed = false;
    const followOa = vi.fn(async () => {
      followed = true;
    });
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, { ...profile(null), follower: { isFollower: followed, knownAt: null } }),
    });
    renderApp("/me", fetch, { followOa }, { profileFromTest: true });
    fireEvent.click(await screen.findByRole("button", { name: "Quan tâm trang Zalo để nhận thông báo" }));
    expect((await screen.findByTestId("follow-state")).textContent).toBe("Bạn đang quan tâm trang Zalo của Bộ phận Một cửa và sẽ nhận thông báo về hồ sơ.");
    expect(followOa).toHaveBeenCalledWith("4321");
  });

  it("keeps the button and explains kindly when the citizen refuses to follow", async () => {
    const followOa = vi.fn().mockRejectedValue(new PlatformError("refused"));
    const fetch = api({ "GET /v1/me": () => jsonResponse(200, profile(null)) });
    renderApp("/me", fetch, { followOa }, { profileFromTest: true });
    fireEvent.click(await screen.findByRole("button", { name: "Quan tâm trang Zalo để nhận thông báo" }));
    expect((await screen.findByRole("status")).textContent).toMatch(/bất cứ lúc nào/);
    expect(screen.getByRole("button", { name: "Quan tâm trang Zalo để nhận thông báo" }).hasAttribute("disabled")).toBe(false);
  });

  it("offers interactOA beside \"Quan tâm\" to a citizen with no phone who does not follow, and only to them", async () => {
    const allowOaMessages = vi.fn(async () => {});
    const fetch = api({ "GET /v1/me": () => jsonResponse(200, profile(null)) });
    renderApp("/me", fetch, { allowOaMessages }, { profileFromTest: true });
    fireEvent.click(await screen.findByRole("button", { name: "Cho phép nhắn tin cho tôi" }));
    expect((await screen.findByRole("status")).textContent).toBe("Đã cho phép trang Zalo của Bộ phận Một cửa nhắn tin cho bạn.");
    expect(allowOaMessages).toHaveBeenCalledWith("4321");
  });

  it("does not offer interactOA to a citizen whose phone is on file", async () => {
    const fetch = api({ "GET /v1/me": () => jsonResponse(200, profile(verified)) });
    renderApp("/me", fetch, {}, { profileFromTest: true });
    expect((await screen.findByRole("button", { name: "Quan tâm trang Zalo để nhận thông báo" })).hasAttribute("disabled")).toBe(false);
    expect(screen.queryByRole("button", { name: "Cho phép nhắn tin cho tôi" })).toBeNull();
  });

  it("turns announcements on (off by default) and off again with PUT /v1/me/announcement-subscription", async () => {
    const bodies: unknown[] = [];
    let subscribed = false;
    const follower = { isFollower: true, knownAt: null };
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, { ...profile(null), follower }),
      "PUT /v1/me/announcement-subscription": () => {
        subscribed = !subscribed;
        return jsonResponse(200, { ...profile(null), follower, announcements: { subscribed, changedAt: null, receiving: subscribed } });
      },
    });
    renderApp("/me", fetch, {}, { profileFromTest: true });
    const toggle = (await screen.findByRole("checkbox", { name: /Nhận thông báo về thủ tục mới, thủ tục bãi bỏ qua Zalo/ })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect((await screen.findByRole("status")).textContent).toBe("Đã bật: bạn sẽ nhận thông báo về thủ tục mới, thủ tục bãi bỏ.");
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(false));
    for (const [, init] of fetch.mock.calls.filter(([, init]) => init?.method === "PUT")) bodies.push(JSON.parse(String(init?.body)));
    expect(bodies).toEqual([{ subscribed: true }, { subscribed: false }]);
  });
});
