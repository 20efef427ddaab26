import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierCodeToPathSegment } from "@motcua/functions/domain/dossier-code";
import { startStack, type Stack } from "./start-stack.js";

describe("a whole local stack in-process", () => {
  let stack: Stack;
  const lines: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ now: new Date("2026-05-13T03:30:00Z"), log: (line) => lines.push(line) });
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

  it("finds a legacy code written with ~ for its slashes", async () => {
    const legacy = Object.keys(stack.info.receipts).find((code) => code.includes("/"))!;
    const response = await fetch(`${stack.info.apiUrl}/v1/dossiers/${dossierCodeToPathSegment(legacy)}`, {
      headers: { authorization: `Bearer ${stack.info.demoTokens.secondCitizen}` },
    });
    expect(response.status).toBe(200);
  });

  it("delivers the outbox items the seed wrote to the stream handler", async () => {
    const deadline = Date.now() + 10_000;
    while (!lines.some((line) => /outbox item/.test(line)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lines.some((line) => /\[stream\] \d+ outbox item\(s\) arrived/.test(line))).toBe(true);
  });
});
