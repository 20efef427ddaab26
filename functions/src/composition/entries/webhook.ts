import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { lambdaEntry } from "../lambda-entry.js";
import { webhookFunctionDeps, webhookFunctionHandlerFrom } from "../functions/webhook-function.js";

/** The `webhook` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>("webhook", (base) =>
  webhookFunctionHandlerFrom(webhookFunctionDeps(base)),
);
