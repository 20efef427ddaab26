import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { StaffMember } from "../../domain/staff.js";
import { adminMessages } from "../admin-messages.js";
import type { JsonBodyRefusal } from "../http/json-body.js";
import { errorResponse } from "../http/responses.js";

/** A staff route: the caller is a known staff member by now; the route checks role and scope. */
export type AdminRoute = (event: APIGatewayProxyEventV2, actor: StaffMember) => Promise<APIGatewayProxyStructuredResultV2>;

/** Page cursors are the index's sort key (`<ISO time>#<id>`), base64url-encoded; anything else is refused. */
export const cursorLimits = { maxLength: 200, pageMax: 50, pageDefault: 20 } as const;
const sortKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z#[A-Za-z0-9_-]{1,100}$/u;

export function encodeCursor(sortKey: string | null): string | null {
  return sortKey === null ? null : Buffer.from(sortKey, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string | null {
  if (cursor.length > cursorLimits.maxLength || !/^[A-Za-z0-9_-]+$/u.test(cursor)) return null;
  const sortKey = Buffer.from(cursor, "base64url").toString("utf8");
  return sortKeyPattern.test(sortKey) ? sortKey : null;
}

/** A refused staff body: 400 `MALFORMED_JSON` or `INVALID_INPUT` naming the fields. */
export function invalidBodyResponse(refusal: JsonBodyRefusal): APIGatewayProxyStructuredResultV2 {
  return refusal.kind === "malformed_json"
    ? errorResponse(400, "MALFORMED_JSON", adminMessages.invalidBody("JSON"))
    : errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody(refusal.issue));
}
