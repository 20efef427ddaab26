import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { errorResponse } from "../../handlers/http/responses.js";

export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** A machine function's routes, each with its own handler; any other route key (`$default`) gets the 404 envelope. */
export function byRouteKey(routes: Record<string, HttpHandler>): HttpHandler {
  return async (event) => {
    const route = routes[event.routeKey];
    return route ? route(event) : errorResponse(404, "ROUTE_NOT_FOUND", "no such route");
  };
}
