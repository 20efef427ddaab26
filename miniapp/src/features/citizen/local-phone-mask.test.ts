import { describe, expect, it } from "vitest";
import { localPhoneMask } from "./local-phone-mask";

describe("localPhoneMask", () => {
  it("writes the masked international number as the local one a Vietnamese reader knows", () => {
    expect(localPhoneMask("84******678")).toBe("0******678");
  });

  it("leaves a number in another form as it is", () => {
    expect(localPhoneMask("0******678")).toBe("0******678");
    expect(localPhoneMask("1******678")).toBe("1******678");
    expect(localPhoneMask("84*678")).toBe("84*678");
  });
});
