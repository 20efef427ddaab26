import { describe, expect, it } from "vitest";
import { readLocalEnvironment } from "./cli-options.js";

describe("readLocalEnvironment", () => {
  it("reads --at as the instant the stack's clock starts at", () => {
    const { at } = readLocalEnvironment({}, ["--at", "2027-01-31T23:59:30+07:00"]);
    expect(at?.toISOString()).toBe("2027-01-31T16:59:30.000Z");
  });

  it("leaves the clock alone without --at and refuses an --at that is not an instant", () => {
    expect(readLocalEnvironment({}, []).at).toBeUndefined();
    expect(() => readLocalEnvironment({}, ["--at"])).toThrow(/--at needs an instant/);
    expect(() => readLocalEnvironment({}, ["--at", "tomorrow"])).toThrow(/--at needs an instant/);
  });

  it("reads ports from the environment and --persist from the arguments", () => {
    const { ports, persistDir } = readLocalEnvironment({ API_PORT: "9000" }, ["--persist", ".motcua/db"]);
    expect(ports.apiPort).toBe(9000);
    expect(persistDir).toBe(".motcua/db");
  });
});
