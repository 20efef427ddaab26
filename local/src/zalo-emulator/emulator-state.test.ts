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
