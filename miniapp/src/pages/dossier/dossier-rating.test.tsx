import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../test/citizen-fixtures";
import { ownerDossier, publicDossier } from "../../test/dossier-fixtures";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp, TEST_API_URL } from "../../test/render-app";

const finished = { ...ownerDossier, status: 10, statusLabel: "Đã trả kết quả" };
const empty = { rating: null, canRate: true, editableUntil: null, locked: false };
const saved = {
  rating: { attitude: "hai_long", result: "hai_long", overall: "khong_hai_long", reason: "Phải đi lại nhiều lần", comment: null, ratedAt: "2026-11-28T03:00:00.000Z", updatedAt: "2026-11-28T03:00:00.000Z" },
  canRate: true,
  editableUntil: "2026-12-05T03:00:00.000Z",
  locked: false,
};

describe("rating on the dossier page", () => {
  it("the owner of a finished dossier rates it; 'Không hài lòng' needs a reason; the PUT carries the receipt signature", async () => {
    const fetch = fakeApi({
      "GET /v1/dossiers/000.00.20.H06-190802-0001": () => jsonResponse(200, finished),
      "GET /v1/dossiers/000.00.20.H06-190802-0001/rating": () => jsonResponse(200, empty),
      "PUT /v1/dossiers/000.00.20.H06-190802-0001/rating": () => jsonResponse(200, saved),
    });
    renderApp("/dossiers/000.00.20.H06-190802-0001?k=sig123", fetch);
    expect((await screen.findByRole("heading", { name: "Đánh giá mức độ hài lòng" })).tagName).toMatch(/^H[2-3]$/u);
    const submit = await screen.findByRole("button", { name: "Gửi đánh giá" });
    fireEvent.click(submit);
    expect((await screen.findByRole("alert")).textContent).toContain("cả ba tiêu chí");
    // Each unanswered group is marked and says what is missing, for a screen reader too.
    for (const group of ["Thái độ của cán bộ", "Kết quả giải quyết", "Đánh giá chung"]) {
      const levels = screen.getByRole("radiogroup", { name: group });
      expect(levels.getAttribute("aria-invalid")).toBe("true");
      expect(document.getElementById(levels.getAttribute("aria-describedby")!)?.textContent).toBe("Chưa chọn mức hài lòng cho tiêu chí này.");
    }

    for (const [group, level] of [["Thái độ của cán bộ", "hai_long"], ["Kết quả giải quyết", "hai_long"], ["Đánh giá chung", "khong_hai_long"]] as const) {
      const fieldset = screen.getByRole("group", { name: group });
      fireEvent.click(fieldset.querySelector(`input[value="${level}"]`)!);
    }
    expect(screen.getByRole("radiogroup", { name: "Đánh giá chung" }).getAttribute("aria-invalid")).toBeNull();
    fireEvent.click(submit);
    expect((await screen.findByRole("alert")).textContent).toContain("lý do");
    expect(screen.getByRole("radiogroup", { name: "Lý do chưa hài lòng" }).getAttribute("aria-invalid")).toBe("true");
    expect(fetch.mock.calls.filter(([, init]) => init?.method === "PUT")).toHaveLength(0);

    fireEvent.click(screen.getByRole("radio", { name: "Phải đi lại nhiều lần" }));
    // Choosing the reason answers the message: it goes away at once.
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(submit);
    expect((await screen.findByTestId("rating-saved")).textContent).toContain("Cảm ơn bạn đã đánh giá");
    const put = fetch.mock.calls.find(([, init]) => init?.method === "PUT")!;
    expect(String(put[0])).toBe(`${TEST_API_URL}/v1/dossiers/000.00.20.H06-190802-0001/rating?k=sig123`);
    expect(JSON.parse(String(put[1]?.body))).toEqual({ attitude: "hai_long", result: "hai_long", overall: "khong_hai_long", reason: "Phải đi lại nhiều lần" });
    expect(within(screen.getByTestId("rating-saved")).getByRole("button", { name: "Sửa đánh giá" }).hasAttribute("disabled")).toBe(false);
  });

  it("an unfinished dossier shows a note and asks nothing about its rating", async () => {
    const fetch = fakeApi({ "GET /v1/dossiers/000.00.20.H06-190802-0001": () => jsonResponse(200, ownerDossier) });
    renderApp("/dossiers/000.00.20.H06-190802-0001?k=sig123", fetch);
    expect((await screen.findByTestId("rating-not-yet")).textContent).toContain("giải quyết xong");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("the public view has no rating section", async () => {
    const fetch = fakeApi({ "GET /v1/dossiers/000.00.20.H06-190802-0001": () => jsonResponse(200, { ...publicDossier, status: 10 }) });
    renderApp("/dossiers/000.00.20.H06-190802-0001", fetch);
    await screen.findByText("Nguyễn V** A*");
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Đánh giá mức độ hài lòng" })).toBeNull());
  });
});
