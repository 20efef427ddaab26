import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { lambdaEntry } from "../lambda-entry.js";
import { apiFunctionDeps, apiFunctionHandlerFrom } from "../functions/api-function.js";

/** The `api` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>("api", (base) =>
  apiFunctionHandlerFrom(apiFunctionDeps(base)),
);
