import type { _Record as StreamRecord, AttributeValue as SdkAttributeValue } from "@aws-sdk/client-dynamodb-streams";
import type { AttributeValue, DynamoDBRecord, StreamRecord as LambdaStreamRecord } from "aws-lambda";

/**
 * Turns a record read with the Streams SDK into the record Lambda's event source mapping delivers:
 * same names, binary values as base64 strings, creation time in epoch seconds.
 */
export function toLambdaStreamRecord(record: StreamRecord, streamArn: string, awsRegion: string): DynamoDBRecord {
  const source = record.dynamodb ?? {};
  const dynamodb: LambdaStreamRecord = {};
  if (source.ApproximateCreationDateTime) {
    dynamodb.ApproximateCreationDateTime = Math.floor(new Date(source.ApproximateCreationDateTime).getTime() / 1000);
  }
  if (source.Keys) dynamodb.Keys = toLambdaItem(source.Keys);
  if (source.NewImage) dynamodb.NewImage = toLambdaItem(source.NewImage);
  if (source.OldImage) dynamodb.OldImage = toLambdaItem(source.OldImage);
  if (source.SequenceNumber) dynamodb.SequenceNumber = source.SequenceNumber;
  if (source.SizeBytes !== undefined) dynamodb.SizeBytes = source.SizeBytes;
  if (source.StreamViewType) dynamodb.StreamViewType = source.StreamViewType;

  const lambdaRecord: DynamoDBRecord = {
    eventID: record.eventID ?? "",
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion,
    dynamodb,
    eventSourceARN: streamArn,
  };
  if (record.eventName) lambdaRecord.eventName = record.eventName;
  if (record.userIdentity?.PrincipalId && record.userIdentity.Type) {
    lambdaRecord.userIdentity = { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId };
  }
  return lambdaRecord;
}

function toLambdaItem(item: Record<string, SdkAttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toLambdaValue(value)]));
}

function toLambdaValue(value: SdkAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString("base64") };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString("base64")) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaItem(value.M) };
  throw new Error(`Unknown attribute value type: ${Object.keys(value).join(",")}`);
}
