import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { ZaloUser } from "../../ports/zalo-graph.js";

export type CitizenRoute = (event: APIGatewayProxyEventV2, user: ZaloUser) => Promise<APIGatewayProxyStructuredResultV2>;
