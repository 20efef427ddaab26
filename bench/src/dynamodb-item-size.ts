import type { AttributeValue } from "@aws-sdk/client-dynamodb";

const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

/** Bytes of a number as DynamoDB counts them: about one byte per two significant digits, plus one. */
function numberSize(text: string): number {
  const digits = text.replace(/^-/u, "").replace(".", "").replace(/^0+/u, "").replace(/0+$/u, "");
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.B !== undefined) return value.B.byteLength;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [name, v]) => sum + 1 + utf8(name) + valueSize(v), 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  return 0;
}

/**
 * An item's size as DynamoDB bills it (attribute names and values, UTF-8), from its marshalled form: the
 * number a write's request units are counted from (1 KB a unit, 2 units a KB in a transaction).
 */
export function dynamoDbItemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}
