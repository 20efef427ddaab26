import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fake-platform";
import { citizenProfile as profile, dossierSummary as summary, fakeApi as api, verifiedPhone as verified } from "../../test/citizen-fixtures";
import { renderApp, TEST_API_URL } from "../../test/render-app";

describe("Hồ sơ của tôi", () => {
  it("asks consent first, reads the phone only after Đồng ý, then lists the dossiers newest first", async () => {
    const getPhoneToken = vi.fn().mockResolvedValue("phone-token-1");
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, profile(null)),
      "POST /v1/me/phone": () => jsonResponse(200, profile(verified)),
      "GET /v1/me/dossiers": () => jsonResponse(200, { dossiers: [summary, { ...summary, code: "1897C359", procedureName: "x" }], nextCursor: null }),
    });
    const { router } = renderApp("/me/dossiers", fetch, { getPhoneToken }, { profileFromTest: true });

    const consent = await screen.findByRole("region", { name: "Chia sẻ số điện thoại để xem hồ sơ của bạn" });
    expect(consent.textContent).toMatch(/Nghị định 13\/2023/u);
    expect(consent.textContent).toMatch(/Thời gian lưu/u);
    expect(getPhoneToken).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Đồng ý và chia sẻ số điện thoại" }));
    const list = await screen.findByRole("region", { name: "Hồ sơ của tôi" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      expect.stringContaining("000.00.20.H06-190802-0001"),
      expect.stringContaining("1897C359"),
    ]);
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST");
    expect(post?.[0]).toBe(`${TEST_API_URL}/v1/me/phone`);
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ token: "phone-token-1" });

    fireEvent.click(screen.getByText("1897C359"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/dossiers/1897C359"));
  });

  it("remembers Không đồng ý, reads nothing, and lets the citizen reconsider", async () => {
    const getPhoneToken = vi.fn();
    const fetch = api({ "GET /v1/me": () => jsonResponse(200, profile(null)) });
    renderApp("/me/dossiers", fetch, { getPhoneToken }, { profileFromTest: true });
    fireEvent.click(await screen.findByRole("button", { name: "Không đồng ý" }));
    const declined = await screen.findByRole("region", { name: "Bạn chưa đồng ý chia sẻ số điện thoại" });
    expect(getPhoneToken).not.toHaveBeenCalled();
    expect(window.localStorage.getItem("motcua.phoneConsent.declinedAt")).not.toBeNull();
    fireEvent.click(within(declined).getByRole("button", { name: "Xem lại và đồng ý" }));
    expect((await screen.findByRole("button", { name: "Đồng ý và chia sẻ số điện thoại" })).hasAttribute("disabled")).toBe(false);
  });

  it("shows the backend's message when the phone token is refused", async () => {
    const fetch = api({
      "GET /v1/me": () => jsonResponse(200, profile(null)),
      "POST /v1/me/phone": () =>
        jsonResponse(400, { error: { code: "INVALID_PHONE_TOKEN", message: "Mã xác nhận số điện thoại đã hết hạn hoặc đã được dùng. Vui lòng thử lại." } }),
    });
    renderApp("/me/dossiers", fetch, { getPhoneToken: vi.fn().mockResolvedValue("old") }, { profileFromTest: true });
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
    renderApp("/me/dossiers", fetch, {}, { profileFromTest: true });
    fireEvent.click(await screen.findByRole("button", { name: "Xem thêm hồ sơ" }));
    await waitFor(() =>
      expect(within(screen.getByRole("region", { name: "Hồ sơ của tôi" })).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
        expect.stringContaining(summary.code),
        expect.stringContaining("HS-OLD-1"),
      ]),
    );
    expect(new URL(String(fetch.mock.calls.at(-1)?.[0])).searchParams.get("cursor")).toBe("c1");
    expect(screen.queryByRole("button", { name: "Xem thêm hồ sơ" })).toBeNull();
  });
});
