import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import type { Procedure } from "../domain/procedure.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import { readSignedJson } from "./http/signed-request.js";
import { errorResponse, json } from "./http/responses.js";

export interface IngestProceduresHandlerDeps {
  ingestSecrets: readonly string[];
  clock: Clock;
  log: Logger;
  updateProcedures: (procedures: readonly Procedure[]) => Promise<void>;
}

export const maxProceduresPerRequest = 100;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const procedureSchema = () => z.strictObject({
  code: z.string().check(z.regex(/^[A-Za-z0-9.\-_]{1,64}$/u)),
  name: text(500),
  field: text(200),
  processingTime: text(200),
  fee: text(200),
  documentsRequired: z.array(text(500)).check(z.maxLength(50)),
  portalUrl: z.nullable(z.url({ protocol: /^https$/u }).check(z.maxLength(500))),
  abolished: z._default(z.boolean(), false),
});
const bodySchema = z.lazy(() => z.strictObject({ procedures: z.array(procedureSchema()).check(z.minLength(1), z.maxLength(maxProceduresPerRequest)) }));

/**
 * `PUT /v1/ingest/procedures`: the one-stop system creates or replaces procedures of the catalogue by code
 * (signed like the events). A batch with any invalid procedure is refused whole and writes nothing.
 */
export function buildIngestProceduresHandler(deps: IngestProceduresHandlerDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const body = readSignedJson(event, deps);
    if (!body.ok) return body.response;
    const parsed = bodySchema.safeParse(body.json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      return errorResponse(400, "INVALID_PROCEDURES", `expected {"procedures": [1 to ${maxProceduresPerRequest}]}; ${problems.join("; ")}`);
    }
    const codes = parsed.data.procedures.map((p) => p.code);
    if (new Set(codes).size !== codes.length) return errorResponse(400, "INVALID_PROCEDURES", "a procedure code appears twice");
    const updatedAt = deps.clock.now().toISOString();
    await deps.updateProcedures(parsed.data.procedures.map((procedure) => ({ ...procedure, updatedAt })));
    return json(200, { updated: codes.length });
  };
}
