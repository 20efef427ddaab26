import { describe, expect, it, vi } from "vitest";
import { createApiClient } from "../../shared/api/api-client";
import { ownerDossier } from "../../test/dossier-fixtures";
import { createFakePlatform, jsonResponse } from "../../test/fake-platform";
import { fetchDossier } from "./dossier-api";

function clientReturning(response: Response) {
  const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(response);
  return { fetch, client: createApiClient({ baseUrl: "http://api.test", auth: createFakePlatform(), fetch }) };
}

describe("fetchDossier", () => {
  it("writes the code's slashes as ~ and passes the receipt signature as k", async () => {
    const { client, fetch } = clientReturning(jsonResponse(200, ownerDossier));
    await fetchDossier(client, { code: "03706/2026/07906", receiptSignature: "Ab-9_x" });
    expect(String(fetch.mock.calls[0]?.[0])).toBe("http://api.test/v1/dossiers/03706~2026~07906?k=Ab-9_x");
  });

  it("returns the parsed dossier", async () => {
    const { client } = clientReturning(jsonResponse(200, ownerDossier));
    await expect(fetchDossier(client, { code: ownerDossier.code })).resolves.toEqual(ownerDossier);
  });

  it("rejects a dossier with an unknown view", async () => {
    const { client } = clientReturning(jsonResponse(200, { ...ownerDossier, view: "admin" }));
    await expect(fetchDossier(client, { code: ownerDossier.code })).rejects.toMatchObject({ kind: "bad_response" });
  });
});
