import { describe, expect, it } from "vitest";
import { routerPathFromOpenAppPath } from "./open-app-path";

describe("routerPathFromOpenAppPath", () => {
  it("keeps a plain app path", () => {
    expect(routerPathFromOpenAppPath("/?hs=1897C359&k=x")).toBe("/?hs=1897C359&k=x");
  });

  it("drops the /zapps/<id> prefix, from the path or from a full URL", () => {
    expect(routerPathFromOpenAppPath("/zapps/123/dossiers/1897C359")).toBe("/dossiers/1897C359");
    expect(routerPathFromOpenAppPath("https://h5.zdn.vn/zapps/123/?hs=1897C359")).toBe("/?hs=1897C359");
  });
});
