import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { PlatformError } from "../../platform";
import { jsonResponse } from "../../test/fake-platform";
import { ownerDossier } from "../../test/dossier-fixtures";
import { renderApp, TEST_API_URL } from "../../test/render-app";

const profile = (phone: { masked: string; verifiedAt: string } | null) => ({
  name: "Nguyễn Văn An",
  phone,
  follower: { isFollower: false, knownAt: null },
  consent: { phone: { givenAt: phone ? phone.verifiedAt : null, withdrawnAt: null } },
});
const verified = { masked: "84******678", verifiedAt: "2026-11-28T01:00:00.000Z" };
const { timeline: _timeline, ...summary } = ownerDossier;

function api(routes: Record<string, () => Response>) {
  return vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    const route = routes[key];
    if (!route) throw new Error(`unexpected ${key}`);
    return route();
  });
}

describe("Hồ sơ của tôi", () => {
  it("asks consent first, reads the phone only after Đồng ý, then lists the dossiers newest first", async () => {
    const getPhoneToken = vi.fn().mockResolvedValue("phone-token-1");
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, profile(null)),
      "POST /v1/me/phone": () => jsonResponse(200, profile(verified)),
      "GET /v1/me/dossiers": () => jsonResponse(200, { dossiers: [summary, { ...summary, code: "1897C359", procedureName: "x" }], nextCursor: null }),
    });
    const { router } = renderApp("/me/dossiers", fetch, { getPhoneToken });

    expect(await screen.findByText("Chia sẻ số điện thoại để xem hồ sơ của bạn")).toBeTruthy();
    expect(screen.getByText(/Nghị định 13\/2023/)).toBeTruthy();
    expect(screen.getByText(/Thời gian lưu/)).toBeTruthy();
    expect(getPhoneToken).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Đồng ý và chia sẻ số điện thoại" }));
    expect(await screen.findByText("000.00.20.H06-190802-0001")).toBeTruthy();
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST");
    expect(post?.[0]).toBe(`${TEST_API_URL}/v1/me/phone`);
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ token: "phone-token-1" });

    fireEvent.click(screen.getByText("1897C359"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/dossiers/1897C359"));
  });

  it("remembers Không đồng ý, reads nothing, and lets the citizen reconsider", async () => {
    const getPhoneToken = vi.fn();
    const fetch = api({ "GET /v1/me": () => jsonResponse(200, profile(null)) });
    renderApp("/me/dossiers", fetch, { getPhoneToken });
    fireEvent.click(await screen.findByRole("button", { name: "Không đồng ý" }));
    expect(await screen.findByText("Bạn chưa đồng ý chia sẻ số điện thoại")).toBeTruthy();
    expect(getPhoneToken).not.toHaveBeenCalled();
    expect(window.localStorage.getItem("motcua.phoneConsent.declinedAt")).not.toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Xem lại và đồng ý" }));
    expect(await screen.findByRole("button", { name: "Đồng ý và chia sẻ số điện thoại" })).toBeTruthy();
  });

  it("shows the backend's message when the phone token is refused", async () => {
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, profile(null)),
      "POST /v1/me/phone": () =>
        jsonResponse(400, { error: { code: "INVALID_PHONE_TOKEN", message: "Mã xác nhận số điện thoại đã hết hạn hoặc đã được dùng. Vui lòng thử lại." } }),
    });
    renderApp("/me/dossiers", fetch, { getPhoneToken: vi.fn().mockResolvedValue("old") });
    fireEvent.click(await screen.findByRole("button", { name: "Đồng ý và chia sẻ số điện thoại" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/đã hết hạn/);
  });

  it("goes straight to the list when the phone is verified, with Xem thêm for the next page", async () => {
    let page = 0;
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, profile(verified)),
      "GET /v1/me/dossiers": () =>
        page++ === 0
          ? jsonResponse(200, { dossiers: [summary], nextCursor: "c1" })
          : jsonResponse(200, { dossiers: [{ ...summary, code: "HS-OLD-1" }], nextCursor: null }),
    });
    renderApp("/me/dossiers", fetch);
    fireEvent.click(await screen.findByRole("button", { name: "Xem thêm hồ sơ" }));
    expect(await screen.findByText("HS-OLD-1")).toBeTruthy();
    expect(new URL(String(fetch.mock.calls.at(-1)?.[0])).searchParams.get("cursor")).toBe("c1");
    expect(screen.queryByRole("button", { name: "Xem thêm hồ sơ" })).toBeNull();
  });
});

describe("Tài khoản", () => {
  it("withdraws consent after confirmation (DELETE) and shows the phone gone", async () => {
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, profile(verified)),
      "DELETE /v1/me/phone": () => jsonResponse(200, profile(null)),
    });
    renderApp("/me", fetch);
    expect((await screen.findByTestId("profile-phone")).textContent).toBe("84******678");
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
    renderApp("/me", fetch, { followOa });
    fireEvent.click(await screen.findByRole("button", { name: "Quan tâm để nhận thông báo" }));
    expect(await screen.findByTestId("follow-state")).toBeTruthy();
    expect(followOa).toHaveBeenCalledWith("4321");
  });

  it("keeps the button and explains kindly when the citizen refuses to follow", async () => {
    const followOa = vi.fn().mockRejectedValue(new PlatformError("refused"));
    const fetch = api({ "GET /v1/me": () => jsonResponse(200, profile(null)) });
    renderApp("/me", fetch, { followOa });
    fireEvent.click(await screen.findByRole("button", { name: "Quan tâm để nhận thông báo" }));
    expect((await screen.findByRole("status")).textContent).toMatch(/bất cứ lúc nào/);
    expect(screen.getByRole("button", { name: "Quan tâm để nhận thông báo" })).toBeTruthy();
  });
});
