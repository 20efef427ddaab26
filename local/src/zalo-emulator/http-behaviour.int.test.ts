import { describe, expect, it } from "vitest";
import { emulatorForThisFile } from "./emulator-fixture.js";

const fixture = emulatorForThisFile();

describe("HTTP behaviour", () => {
  it("answers a CORS preflight from the browser Mini App", async () => {
    const response = await fetch(`${fixture.emulator.url}/_emulator/users`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const allowed = response.headers.get("access-control-allow-headers") ?? "";
    for (const header of ["access_token", "code", "secret_key", "content-type", "authorization"]) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("adds CORS headers to ordinary and error responses", async () => {
    for (const response of [await fixture.get("/_emulator/users"), await fixture.get("/nowhere")]) {
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-headers")).toContain("access_token");
    }
  });

  it("answers 404 JSON for an unknown route", async () => {
    const response = await fixture.get("/v9.9/unknown");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ error: -404, message: "No route for GET /v9.9/unknown" });
  });

  it("answers 405 JSON for a known path with the wrong method", async () => {
    const response = await fixture.post("/v2.0/me", {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
    expect(await response.json()).toMatchObject({ error: -405 });
  });

  it("refuses a body over 64 KiB with 413 and creates nothing", async () => {
    const response = await fixture.post("/_emulator/users", { name: "x".repeat(64 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: -413 });
    expect(await (await fixture.get("/_emulator/users")).json()).toEqual({ users: [] });
  });

  it("accepts a body of exactly 64 KiB and refuses one byte more", async () => {
    const padded = (bytes: number) => {
      const json = JSON.stringify({ name: "Lê Văn C" });
      return json + " ".repeat(bytes - Buffer.byteLength(json));
    };
    expect(Buffer.byteLength(padded(65_536))).toBe(65_536);
    expect((await fixture.post("/_emulator/users", padded(65_537))).status).toBe(413);
    expect(await (await fixture.get("/_emulator/users")).json()).toEqual({ users: [] });
    expect((await fixture.post("/_emulator/users", padded(65_536))).status).toBe(201);
  });
});
