import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeRequest } from "../../test/api-gateway-event.js";
import { paddedJson } from "../../test/padded-json.js";
import { startTestStack } from "../../test/test-stack.js";
import { composeDependencies, type Dependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let deps: Dependencies;
let api: HttpHandler;
let author: { zaloAppUserId: string; accessToken: string };
let other: { zaloAppUserId: string; accessToken: string };

beforeAll(async () => {
  stack = await startTestStack();
  deps = composeDependencies(stack.config);
  api = httpHandlersFrom(deps).api;
  author = await stack.createZaloUser("Trần Thị Bình", "0987654321");
  other = await stack.createZaloUser("Lê Văn Cường", "0911111111");
});
afterAll(async () => stack.stop());

async function call(routeKey: string, options: { path?: Record<string, string>; body?: unknown; as?: { accessToken: string } } = {}) {
  const response = await api(routeRequest(routeKey, { pathParameters: options.path, token: (options.as ?? author).accessToken, body: options.body }));
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}
const myThreads = async (as = author) => (await call("GET /v1/me/feedback", { as })).body.threads as { id: string; state: string; late: boolean }[];

describe("feedback threads (hỏi đáp, phản ánh, góp ý)", () => {
  let threadId: string;

  it("POST /v1/feedback opens a thread with its id and a 15-working-day reply deadline", async () => {
    const created = await call("POST /v1/feedback", { body: { type: "hoi_dap", text: "  Làm lại CCCD cần giấy tờ gì?  ", dossierCode: "000.00.20.h27-261120-0001" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: "hoi_dap", text: "Làm lại CCCD cần giấy tờ gì?", dossierCode: "000.00.20.H27-261120-0001", state: "moi", late: false, channel: "mini_app" });
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Date.parse(created.body.replyDueAt) - Date.parse(created.body.createdAt)).toBeGreaterThan(15 * 24 * 3600 * 1000);
    threadId = created.body.id;
    expect((await call("POST /v1/feedback", { body: { type: "gop_y", text: "x".repeat(2000) } })).status).toBe(201);
    expect((await myThreads()).map((t) => t.id)).toHaveLength(2);
    expect((await myThreads())[1]!.id).toBe(threadId);
  });

  it("refuses bad input with 400 and writes nothing, at each limit and just past it", async () => {
    const before = (await myThreads()).length;
    const bad: unknown[] = [
      "{",
      { type: "khieu_nai", text: "x" },
      { type: "hoi_dap" },
      { type: "hoi_dap", text: "" },
      { type: "hoi_dap", text: "   " },
      { type: "hoi_dap", text: "x".repeat(2001) },
      { type: "hoi_dap", text: "x", extra: true },
      { type: "hoi_dap", text: "x", dossierCode: 12 },
    ];
    for (const body of bad) expect((await call("POST /v1/feedback", { body })).status, JSON.stringify(body).slice(0, 40)).toBe(400);
    expect(await call("POST /v1/feedback", { body: { type: "hoi_dap", text: "x", dossierCode: "AB" } })).toMatchObject({ status: 400, body: { error: { code: "INVALID_CODE" } } });
    expect((await myThreads()).length).toBe(before);
  });

  it("only the author reads a thread; others get 404", async () => {
    expect(await call("GET /v1/feedback/{id}", { path: { id: threadId } })).toMatchObject({
      status: 200,
      body: { id: threadId, messages: [{ author: "citizen", text: "Làm lại CCCD cần giấy tờ gì?", helpful: null }] },
    });
    expect((await call("GET /v1/feedback/{id}", { path: { id: threadId }, as: other })).status).toBe(404);
    expect((await call("GET /v1/feedback/{id}", { path: { id: "no/such" } })).status).toBe(404);
    expect(await myThreads(other)).toEqual([]);
  });

  it("POST /v1/feedback/{id}/messages adds the author's message (≤ 2000), refuses others and bad input", async () => {
    const path = { id: threadId };
    expect((await call("POST /v1/feedback/{id}/messages", { path, body: { text: "y".repeat(2000) } })).status).toBe(201);
    expect((await call("POST /v1/feedback/{id}/messages", { path, body: { text: "y".repeat(2001) } })).status).toBe(400);
    expect((await call("POST /v1/feedback/{id}/messages", { path, body: { text: " " } })).status).toBe(400);
    expect((await call("POST /v1/feedback/{id}/messages", { path, body: { text: "x" }, as: other })).status).toBe(404);
    expect((await call("GET /v1/feedback/{id}", { path })).body.messages).toHaveLength(2);
  });

  it("a staff answer reaches the thread; the author marks it helpful or not (only a staff message)", async () => {
    const replied = await deps.replyToFeedback({ id: threadId, staffName: "Bộ phận Một cửa", text: "Bạn mang CCCD cũ và tờ khai." });
    expect(replied.kind).toBe("saved");
    const thread = (await call("GET /v1/feedback/{id}", { path: { id: threadId } })).body;
    expect(thread.state).toBe("da_tra_loi");
    expect(thread.answeredAt).not.toBeNull();
    const staffMessage = thread.messages.find((m: { author: string }) => m.author === "staff");
    expect(staffMessage).toMatchObject({ staffName: "Bộ phận Một cửa", text: "Bạn mang CCCD cũ và tờ khai." });
    const helpful = (messageId: string, body: unknown, as = author) =>
      call("PUT /v1/feedback/{id}/messages/{messageId}/helpful", { path: { id: threadId, messageId }, body, as });
    for (const body of [{}, { helpful: "yes" }, { helpful: true, x: 1 }, "nope"]) expect((await helpful(staffMessage.id, body)).status).toBe(400);
    expect((await helpful(thread.messages[0].id, { helpful: true })).status).toBe(400);
    expect((await helpful(staffMessage.id, { helpful: true }, other)).status).toBe(404);
    expect((await call("GET /v1/feedback/{id}", { path: { id: threadId } })).body.messages.map((m: { helpful: unknown }) => m.helpful)).toEqual([null, null, null]);
    expect(await helpful(staffMessage.id, { helpful: false })).toMatchObject({ status: 200, body: { helpful: false } });
    expect((await call("GET /v1/feedback/{id}", { path: { id: threadId } })).body.messages[2].helpful).toBe(false);
  });
});

describe("a text the citizen sends to the OA joins their open thread or opens one", () => {
  it("joins the newest open thread, once per Zalo message id", async () => {
    const at = new Date();
    const first = await deps.receiveCitizenChatMessage({ zaloAppUserId: author.zaloAppUserId, text: "Cảm ơn, cho hỏi thêm", at, zaloMessageId: "zm-1" });
    expect(first.kind).toBe("joined");
    const again = await deps.receiveCitizenChatMessage({ zaloAppUserId: author.zaloAppUserId, text: "Cảm ơn, cho hỏi thêm", at, zaloMessageId: "zm-1" });
    expect(again.kind).toBe("duplicate");
    const thread = (await call("GET /v1/feedback/{id}", { path: { id: first.threadId } })).body;
    expect(thread.messages.filter((m: { text: string }) => m.text === "Cảm ơn, cho hỏi thêm")).toHaveLength(1);
  });

  it("opens a question for a citizen without an open thread, once per Zalo message id", async () => {
    const newcomer = await stack.createZaloUser("Phạm Thị Dung", "0922222222");
    const message = { zaloAppUserId: newcomer.zaloAppUserId, text: "Xin chào, tôi muốn hỏi", at: new Date(), zaloMessageId: "zm-2" };
    const opened = await deps.receiveCitizenChatMessage(message);
    expect(opened.kind).toBe("opened");
    expect((await deps.receiveCitizenChatMessage(message)).kind).toBe("duplicate");
    const threads = await myThreads(newcomer);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: opened.threadId, type: "hoi_dap", channel: "zalo_oa", text: "Xin chào, tôi muốn hỏi" });
  });
});

describe("a citizen's budget of questions and messages", () => {
  it("allows 5 writes a minute, refuses the 6th with 429 in Vietnamese, and writes nothing for it", async () => {
    const busy = await stack.createZaloUser("Đỗ Thị Gấm", "0933333333");
    const first = await call("POST /v1/feedback", { as: busy, body: { type: "hoi_dap", text: "Câu hỏi 1" } });
    expect(first.status).toBe(201);
    for (let i = 2; i <= 4; i += 1) expect((await call("POST /v1/feedback", { as: busy, body: { type: "hoi_dap", text: `Câu hỏi ${i}` } })).status).toBe(201);
    // The fifth write is a follow-up message: questions and messages share the budget.
    const fifth = await call("POST /v1/feedback/{id}/messages", { as: busy, path: { id: first.body.id }, body: { text: "Bổ sung" } });
    expect(fifth.status).toBe(201);
    const sixth = await call("POST /v1/feedback", { as: busy, body: { type: "hoi_dap", text: "Câu hỏi 6" } });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe("RATE_LIMITED");
    expect(sixth.body.error.message).toMatch(/^Bạn đã gửi nhiều câu hỏi và tin nhắn/u);
    const seventh = await call("POST /v1/feedback/{id}/messages", { as: busy, path: { id: first.body.id }, body: { text: "Bổ sung nữa" } });
    expect(seventh.status).toBe(429);
    expect(await myThreads(busy)).toHaveLength(4);
    const thread = await call("GET /v1/feedback/{id}", { as: busy, path: { id: first.body.id } });
    expect(thread.body.messages).toHaveLength(2);
    // Another citizen's budget is their own.
    expect((await call("POST /v1/feedback", { as: other, body: { type: "gop_y", text: "Góp ý" } })).status).toBe(201);
  });
});

describe("the 64 KiB body limit of the citizen routes", () => {
  it("POST /v1/feedback and its messages take a body of exactly 65,536 bytes and refuse 65,537 with 413, writing nothing", async () => {
    const citizen = await stack.createZaloUser("Đỗ Minh Tuấn", "0946789006");
    const question = { type: "gop_y", text: "Nên có chỗ gửi xe cho người đến nộp hồ sơ." };
    const over = await call("POST /v1/feedback", { body: paddedJson(question, 65_537), as: citizen });
    expect(over).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
    expect(await myThreads(citizen)).toHaveLength(0);
    const atLimit = await call("POST /v1/feedback", { body: paddedJson(question, 65_536), as: citizen });
    expect(atLimit).toMatchObject({ status: 201, body: { text: question.text } });

    const path = { id: atLimit.body.id as string };
    const reply = { text: "Thêm: cả mái che." };
    expect((await call("POST /v1/feedback/{id}/messages", { path, body: paddedJson(reply, 65_537), as: citizen })).status).toBe(413);
    expect((await call("POST /v1/feedback/{id}/messages", { path, body: paddedJson(reply, 65_536), as: citizen })).status).toBe(201);
    const thread = (await call("GET /v1/feedback/{id}", { path, as: citizen })).body as { messages: { text: string }[] };
    expect(thread.messages.map((m) => m.text)).toEqual([question.text, reply.text]);
  });
});

describe("the feedback budget", () => {
  it("is charged only for valid requests: bad dossier codes do not use it up", async () => {
    const typist = await stack.createZaloUser("Hoàng Thị Mai", "0933333333");
    for (let i = 0; i < 8; i += 1) {
      expect(await call("POST /v1/feedback", { as: typist, body: { type: "hoi_dap", text: "Hỏi về hồ sơ", dossierCode: "A?" } })).toMatchObject({
        status: 400,
        body: { error: { code: "INVALID_CODE" } },
      });
    }
    expect((await call("POST /v1/feedback", { as: typist, body: { type: "hoi_dap", text: "Hỏi về hồ sơ" } })).status).toBe(201);
  });
});
