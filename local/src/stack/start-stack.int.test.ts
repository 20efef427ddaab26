import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierCodeToPathSegment } from "@motcua/contracts/dossier-code";
import { startStack, type Stack } from "./start-stack.js";

describe("a whole local stack in-process", () => {
  let stack: Stack;
  const lines: string[] = [];

  beforeAll(async () => {
    // A Wednesday morning in Vietnam: the seed's messages go by ZNS, which would wait out the night.
    stack = await startStack({ startAt: new Date("2026-05-13T10:30:00+07:00"), log: (line) => lines.push(line) });
  }, 120_000);
  afterAll(() => stack?.stop());

  it("seeds through the ingest API and serves a seeded dossier to its owner", async () => {
    const { info } = stack;
    expect(Object.keys(info.receipts).length).toBeGreaterThanOrEqual(54);
    expect(info.demoDossier?.receiptUrl).toMatch(/^https:\/\/zalo\.me\/s\/\d+\/\?hs=.+&k=.+$/);
    expect(info.demoDeepLink).toContain(`token=${encodeURIComponent(info.demoTokens.citizen)}`);

    const code = info.demoDossier!.code;
    const response = await fetch(`${info.apiUrl}/v1/dossiers/${dossierCodeToPathSegment(code)}?k=${info.demoDossier!.k}`, {
      headers: { authorization: `Bearer ${info.demoTokens.citizen}` },
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain(code);
  });

  it("seeds an answered thread of the demo citizen and an announcement, the targets of the ?pakn= and ?tb= links", async () => {
    const targets = stack.info.demoLinkTargets;
    const get = (path: string, token: string) => fetch(`${stack.info.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const thread = await get(`/v1/feedback/${targets!.answeredThread!.id}`, stack.info.demoTokens.citizen);
    expect(thread.status).toBe(200);
    const body = (await thread.json()) as { state: string; messages: Array<{ author: string; text: string }> };
    expect(body.state).toBe("da_tra_loi");
    expect(body.messages.at(-1)).toMatchObject({ author: "staff", text: targets!.answeredThread!.answer });
    // The thread route checks ownership: another citizen gets 404.
    expect((await get(`/v1/feedback/${targets!.answeredThread!.id}`, stack.info.demoTokens.secondCitizen)).status).toBe(404);
    const announcement = await get(`/v1/announcements/${targets!.announcement.id}`, stack.info.demoTokens.citizen);
    expect(await announcement.json()).toMatchObject({ title: targets!.announcement.title });
  });

  it("seeds the first admin (from configuration) and an officer the admin added through the staff API", async () => {
    const me = async (token: string) => {
      const response = await fetch(`${stack.info.apiUrl}/v1/admin/me`, { headers: { authorization: `Bearer ${token}` } });
      return (await response.json()) as { role?: string; allAgencies?: boolean; agencyCodes?: string[] };
    };
    expect(await me(stack.info.demoTokens.admin)).toMatchObject({ role: "admin", allAgencies: true });
    expect(await me(stack.info.demoTokens.officer)).toMatchObject({ role: "officer", agencyCodes: [expect.any(String)] });
    const citizen = await fetch(`${stack.info.apiUrl}/v1/admin/me`, { headers: { authorization: `Bearer ${stack.info.demoTokens.citizen}` } });
    expect(citizen.status).toBe(403);
  });

  it("seeds a credential of the national sync dialect that logs in and finds a seeded dossier, as the curl calls of docs/integrating.md do", async () => {
    const post = async (path: string, body: unknown) =>
      (await (await fetch(`${stack.info.apiUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as {
        error_code: string;
        session?: string;
        result?: Array<{ MaHoSo: string }>;
      };
    const login = await post("/mapi/login", stack.info.syncCredential);
    expect(login).toMatchObject({ error_code: "0", session: expect.any(String) });
    const code = stack.info.demoDossier!.code;
    const found = await post("/mapi/g", { session: login.session, madonvi: code.split("-")[0], service: "TraCuuHoSo", mahoso: code });
    expect(found).toMatchObject({ error_code: "0", result: [{ MaHoSo: code }] });
  });

  it("finds a legacy code written with ~ for its slashes", async () => {
    const legacy = Object.keys(stack.info.receipts).find((code) => code.includes("/"))!;
    const response = await fetch(`${stack.info.apiUrl}/v1/dossiers/${dossierCodeToPathSegment(legacy)}`, {
      headers: { authorization: `Bearer ${stack.info.demoTokens.secondCitizen}` },
    });
    expect(response.status).toBe(200);
  });

  it("hands the outbox items the seed wrote to the notify function, which sends them to the Zalo emulator", async () => {
    // Seeded applicants have verified no phone, so their messages go by ZNS (the stack's clock is in the daytime).
    const deadline = Date.now() + 15_000;
    let messages: Array<{ channel: string }> = [];
    while (!messages.some((message) => message.channel === "zns") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ({ messages } = (await (await fetch(`${stack.info.zaloEmulatorUrl}/_emulator/messages`)).json()) as { messages: Array<{ channel: string }> });
    }
    expect(messages.some((message) => message.channel === "zns")).toBe(true);
  });
});
