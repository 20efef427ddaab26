import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Logger } from "../../ports/logger.js";
import type { ZaloGraph, ZaloUser } from "../../ports/zalo-graph.js";
import { bearerToken } from "./request.js";
import { errorResponse } from "./responses.js";

export type Authentication =
  | { ok: true; user: ZaloUser; accessToken: string }
  | { ok: false; response: APIGatewayProxyStructuredResultV2 };

/** `Authorization: Bearer <Zalo access token>`, verified with Zalo's Graph API (cached by token hash). */
export async function authenticateZaloUser(
  event: APIGatewayProxyEventV2,
  zaloGraph: ZaloGraph,
  messages: { unauthorized: string; zaloUnavailable: string },
  log: Logger,
): Promise<Authentication> {
  const token = bearerToken(event);
  if (!token) return { ok: false, response: errorResponse(401, "UNAUTHORIZED", messages.unauthorized) };
  let user: ZaloUser | null;
  try {
    user = await zaloGraph.getUserByAccessToken(token);
  } catch (error) {
    log.error("Zalo Graph unavailable", { error: String(error) });
    return { ok: false, response: errorResponse(503, "ZALO_UNAVAILABLE", messages.zaloUnavailable, { "retry-after": "30" }) };
  }
  if (!user) return { ok: false, response: errorResponse(401, "UNAUTHORIZED", messages.unauthorized) };
  return { ok: true, user, accessToken: token };
}
