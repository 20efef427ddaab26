import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { lambdaEntry } from "../lambda-entry.js";
import { ingestFunctionDeps, ingestFunctionHandlerFrom } from "../functions/ingest-function.js";

/** The `ingest` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>("ingest", (base) =>
  ingestFunctionHandlerFrom(ingestFunctionDeps(base)),
);
