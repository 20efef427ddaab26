import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { transactionCancellation, transactItems, type NamedActions } from "./transaction-cancellation.js";

const put = (id: string) => ({ Put: { Item: { PK: id, SK: id } } });
const actions: NamedActions<"job" | "outbox"> = [
  ["job", put("job")],
  ["outbox", put("a")],
  ["outbox", put("b")],
  ["outbox", put("c")],
];

function cancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({ message: "cancelled", $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
}

describe("transaction cancellation by name", () => {
  it("sends the actions in the order they are named", () => {
    expect(transactItems(actions)).toEqual([put("job"), put("a"), put("b"), put("c")]);
  });

  it("names the actions whose condition failed, and which of several with one name", () => {
    const reading = transactionCancellation(cancelled("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed"), actions);
    expect(reading?.conditionFailed("job")).toBe(false);
    expect(reading?.conditionFailed("outbox")).toBe(true);
    expect(reading?.conditionsFailedAmong("outbox")).toEqual([0, 2]);
    expect(reading?.conflicted).toBe(false);
  });

  it("tells a conflict with another transaction from a failed condition", () => {
    const reading = transactionCancellation(cancelled("TransactionConflict", "None", "None", "None"), actions);
    expect(reading?.conflicted).toBe(true);
    expect(reading?.conditionFailed("job")).toBe(false);
  });

  it("reads nothing into other errors", () => {
    expect(transactionCancellation(new Error("throttled"), actions)).toBeNull();
  });
});
