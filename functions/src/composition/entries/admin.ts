import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { lambdaEntry } from "../lambda-entry.js";
import { adminFunctionDeps, adminFunctionHandlerFrom } from "../functions/admin-function.js";

/** The `admin` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>("admin", (base) =>
  adminFunctionHandlerFrom(adminFunctionDeps(base)),
);
