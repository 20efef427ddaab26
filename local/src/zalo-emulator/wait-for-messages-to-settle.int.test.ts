import { expect, it } from "vitest";
import { emulatorForThisFile } from "./emulator-fixture.js";
import { waitForMessagesToSettle } from "./wait-for-messages-to-settle.js";

const fixture = emulatorForThisFile();

it("returns once messages stop arriving, with how many were sent; fails when they never stop", async () => {
  const accessToken = await fixture.issueOaAccessToken();
  const user = await fixture.createUser({ follower: true });
  const send = () => fixture.post("/v3.0/oa/message/template", { user_id: user.zaloOaUserId, template_id: "100001", template_data: { ma_ho_so: "A-1" } }, { access_token: accessToken });
  // Three messages 150 ms apart: with 400 ms of quiet required, the wait ends only after the last one.
  const sending = (async () => {
    for (let i = 0; i < 3; i += 1) {
      await send();
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  })();
  expect(await waitForMessagesToSettle(fixture.emulator.url, { quietMs: 400 })).toBe(3);
  await sending;

  // Every send is kept and awaited: one still in flight when the emulator closes would reject after the test.
  const inFlight: Promise<unknown>[] = [];
  const endless = setInterval(() => inFlight.push(send()), 100);
  try {
    await expect(waitForMessagesToSettle(fixture.emulator.url, { quietMs: 400, timeoutMs: 1_500 })).rejects.toThrow(/still going out after 1.5 s/);
  } finally {
    clearInterval(endless);
    await Promise.allSettled(inFlight);
  }
});
