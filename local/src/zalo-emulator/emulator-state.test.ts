import { describe, expect, it } from "vitest";
import { EmulatorState } from "./emulator-state.js";

describe("EmulatorState messages", () => {
  it("keeps accepted messages newest last, stamped with the injected clock, until reset", () => {
    let clock = 1_000;
    const state = new EmulatorState(() => clock);
    state.recordMessage({ channel: "zns", recipient: "84912345678", templateId: "123", templateData: { code: "A" } });
    clock = 2_000;
    state.recordMessage({ channel: "oa_cs", recipient: "5555555555555555", text: "Xin chào" });

    const messages = state.listMessages();
    expect(messages.map((message) => [message.channel, message.sentAt])).toEqual([
      ["zns", 1_000],
      ["oa_cs", 2_000],
    ]);
    expect(messages[0]?.messageId).not.toBe(messages[1]?.messageId);

    state.reset();
    expect(state.listMessages()).toEqual([]);
  });
});

describe("EmulatorState faults", () => {
  const draws = (...values: number[]) => {
    const queue = [...values];
    return () => queue.shift() ?? 0.99;
  };

  it("answers a counted fault exactly N times, then lets calls through", () => {
    const state = new EmulatorState(() => 0);
    state.faults.push({ remaining: 2, effect: { error: -32 } });
    expect(state.takeFault()).toEqual({ error: -32 });
    expect(state.takeFault()).toEqual({ error: -32 });
    expect(state.takeFault()).toBeUndefined();
  });

  it("gives each ratio fault its share of one draw, so kinds of faults mix", () => {
    const state = new EmulatorState(() => 0);
    state.faults.push({ remaining: Infinity, ratio: 0.04, effect: { error: -32 } });
    state.faults.push({ remaining: Infinity, ratio: 0.03, effect: { httpStatus: 503 } });
    state.faults.push({ remaining: Infinity, ratio: 0.03, effect: { delayMs: 100 } });
    const random = draws(0, 0.0399, 0.04, 0.0699, 0.07, 0.0999, 0.1, 0.5);
    const taken = Array.from({ length: 8 }, () => state.takeFault(random));
    expect(taken).toEqual([
      { error: -32 },
      { error: -32 },
      { httpStatus: 503 },
      { httpStatus: 503 },
      { delayMs: 100 },
      { delayMs: 100 },
      undefined,
      undefined,
    ]);
    expect(state.faults).toHaveLength(3);
  });
});
