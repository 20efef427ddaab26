import { describe, expect, it } from "vitest";
import { toLambdaStreamRecord } from "./to-stream-event.js";

describe("toLambdaStreamRecord", () => {
  it("produces the record shape Lambda delivers, with binary as base64 and time in seconds", () => {
    const record = toLambdaStreamRecord(
      {
        eventID: "e1",
        eventName: "MODIFY",
        eventSource: "aws:dynamodb",
        awsRegion: "ddblocal",
        dynamodb: {
          ApproximateCreationDateTime: new Date("2026-05-12T01:02:03.900Z"),
          Keys: { PK: { S: "OUTBOX#1" }, SK: { S: "A" } },
          NewImage: {
            PK: { S: "OUTBOX#1" },
            n: { N: "5" },
            b: { B: new Uint8Array([1, 2, 3]) },
            l: { L: [{ S: "x" }, { BOOL: true }, { NULL: true }] },
            m: { M: { ss: { SS: ["a", "b"] }, bs: { BS: [new Uint8Array([255])] } } },
          },
          OldImage: { PK: { S: "OUTBOX#1" } },
          SequenceNumber: "000001",
          SizeBytes: 42,
          StreamViewType: "NEW_AND_OLD_IMAGES",
        },
        userIdentity: { Type: "Service", PrincipalId: "dynamodb.amazonaws.com" },
      },
      "arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026",
      "ap-southeast-1",
    );
    expect(record).toEqual({
      eventID: "e1",
      eventName: "MODIFY",
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: "ap-southeast-1",
      eventSourceARN: "arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026",
      userIdentity: { type: "Service", principalId: "dynamodb.amazonaws.com" },
      dynamodb: {
        ApproximateCreationDateTime: 1778547723,
        Keys: { PK: { S: "OUTBOX#1" }, SK: { S: "A" } },
        NewImage: {
          PK: { S: "OUTBOX#1" },
          n: { N: "5" },
          b: { B: "AQID" },
          l: { L: [{ S: "x" }, { BOOL: true }, { NULL: true }] },
          m: { M: { ss: { SS: ["a", "b"] }, bs: { BS: ["/w=="] } } },
        },
        OldImage: { PK: { S: "OUTBOX#1" } },
        SequenceNumber: "000001",
        SizeBytes: 42,
        StreamViewType: "NEW_AND_OLD_IMAGES",
      },
    });
  });
});
