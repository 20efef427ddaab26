import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dossierNotification, outboxItemInState } from "../../test/builders.js";
import { startTestStack } from "../../test/test-stack.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { composeDependencies } from "../composition/compose.js";

// A configured window (ZALO_ZNS_QUIET_HOURS) instead of Zalo's 22:00-06:00: ZNS waits by it, at its edges.
let stack: Awaited<ReturnType<typeof startTestStack>>;
let now = new Date();
let deliver: (outboxId: string) => Promise<string>;
beforeAll(async () => {
  stack = await startTestStack({ ZALO_ZNS_QUIET_HOURS: "21:30-07:15", ZALO_SEND_RATE_PER_SECOND: "1000" });
  deliver = composeDependencies(stack.config, { clock: { now: () => now } }).deliverNotification;
});
afterAll(async () => stack?.stop());

let sequence = 0;
/** A pending outbox item for a dossier whose applicant follows nothing: it can only go by ZNS. */
async function pendingZnsItem(): Promise<{ id: string; phone: string }> {
  sequence += 1;
  const id = `quiet-${sequence}`;
  const phone = `8491700000${sequence}`;
  await stack.table.documentClient.send(
    new PutCommand({
      TableName: stack.config.tableName,
      Item: outboxItemInState(
        "pending",
        id,
        dossierNotification(`000.00.20.H27-261102-90${sequence}`, { applicantPhone: phone }),
        "2026-11-02T01:00:00.000Z",
      ),
    }),
  );
  return { id, phone };
}

async function stored(id: string) {
  const result = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.outboxItem(id) }));
  return result.Item;
}

it.each([
  ["2026-11-02T14:29:00Z", "21:29", "sent", undefined],
  ["2026-11-02T14:30:00Z", "21:30", "postponed", "2026-11-03T00:15:00.000Z"],
  ["2026-11-02T23:30:00Z", "06:30 (outside Zalo's window, inside this one)", "postponed", "2026-11-03T00:15:00.000Z"],
  ["2026-11-03T00:14:00Z", "07:14", "postponed", "2026-11-03T00:15:00.000Z"],
  ["2026-11-03T00:15:00Z", "07:15", "sent", undefined],
])("ZNS at %s (%s Vietnam time) is %s", async (instant, _local, result, notBefore) => {
  now = new Date(instant);
  const { id } = await pendingZnsItem();
  expect(await deliver(id)).toBe(result);
  if (notBefore) expect(await stored(id)).toMatchObject({ state: "pending", notBefore, reason: "quiet_hours" });
  else expect(await stored(id)).toMatchObject({ state: "sent", channel: "zns" });
});
