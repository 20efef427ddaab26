import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../test/citizen-fixtures";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp } from "../../test/render-app";

const question = { id: "m1", author: "citizen", staffName: null, text: "Hồ sơ của tôi cần bổ sung gì?", at: "2026-11-20T01:00:00.000Z", helpful: null };
const answer = { id: "m2", author: "staff", staffName: "Bộ phận Một cửa", text: "Anh bổ sung bản sao giấy khai sinh.", at: "2026-11-21T02:00:00.000Z", helpful: null };
const followUp = { id: "m3", author: "citizen", staffName: null, text: "Bản sao có cần công chứng không?", at: "2026-11-21T03:00:00.000Z", helpful: null };

const thread = (messages: unknown[]) => ({
  id: "thread-1",
  type: "hoi_dap",
  text: question.text,
  dossierCode: null,
  state: "da_tra_loi",
  createdAt: question.at,
  replyDueAt: "2026-12-11T10:00:00.000Z",
  answeredAt: answer.at,
  lastMessageAt: messages.length === 2 ? answer.at : followUp.at,
  messageCount: messages.length,
  late: false,
  messages,
});

describe("a citizen's question thread", () => {
  it("writes on under the answer with the limit shown as it is typed, and sees the message in the thread", async () => {
    let sent = false;
    const fetch = fakeApi({
      "GET /v1/feedback/thread-1": () => jsonResponse(200, thread(sent ? [question, answer, followUp] : [question, answer])),
      "POST /v1/feedback/thread-1/messages": () => {
        sent = true;
        return jsonResponse(201, followUp);
      },
    });
    renderApp("/feedback/thread-1", fetch);

    // The counter is part of the field's label (shared/ui/textarea-with-counter.tsx), so the name starts with it.
    const box = (await screen.findByRole("textbox", { name: /^Viết tiếp/u })) as HTMLTextAreaElement;
    const counter = box.nextElementSibling!;
    expect(box.maxLength).toBe(2000);
    expect(counter.textContent).toBe("0/2000 ký tự");
    fireEvent.change(box, { target: { value: `  ${followUp.text}  ` } });
    expect(counter.textContent).toBe(`${followUp.text.length + 4}/2000 ký tự`);

    fireEvent.click(screen.getByRole("button", { name: "Gửi" }));
    await waitFor(() => expect(screen.getAllByTestId("feedback-message")).toHaveLength(3));
    expect(screen.getAllByTestId("feedback-message")[2]!.textContent).toContain(followUp.text);
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ text: followUp.text });
    await waitFor(() => expect(box.value).toBe(""));
    expect(counter.textContent).toBe("0/2000 ký tự");
  });
});
