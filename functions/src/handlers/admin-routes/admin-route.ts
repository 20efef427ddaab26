import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import type { StaffMember } from "../../domain/staff.js";
import { adminMessages } from "../admin-messages.js";
import type { JsonBodyRefusal } from "../http/json-body.js";
import { errorResponse } from "../http/responses.js";

/** A staff route: the caller is a known staff member by now; the route checks role and scope. */
export type AdminRoute = (event: APIGatewayProxyEventV2, actor: StaffMember) => Promise<APIGatewayProxyStructuredResultV2>;

/** Staff lists: page sizes and the longest cursor taken (cursors are opaque: the repository reads them back). */
const cursorLimits = { maxLength: 200, pageMax: 50, pageDefault: 20 } as const;

/** The `cursor` and `limit` query parameters of a paged staff list, built inside the list's own lazy schema. */
export function pageQueryFields() {
  return {
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(cursorLimits.maxLength))),
    limit: z._default(
      z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,3}$/u)), z.transform(Number)), z.number().check(z.int(), z.gte(1), z.lte(cursorLimits.pageMax))),
      cursorLimits.pageDefault,
    ),
  };
}

/** A refused staff body: 400 `MALFORMED_JSON` or `INVALID_INPUT` naming the fields. */
export function invalidBodyResponse(refusal: JsonBodyRefusal): APIGatewayProxyStructuredResultV2 {
  return refusal.kind === "malformed_json"
    ? errorResponse(400, "MALFORMED_JSON", adminMessages.invalidBody("JSON"))
    : errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody(refusal.issue));
}
