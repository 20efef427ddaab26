import { maxProcedureQueryLength as maxQueryLength, type ProcedureView } from "@motcua/contracts/procedure";
import type { ApiClient } from "../../shared/api/api-client";
import { array, nullableString, object, string } from "../../shared/parse/json-shape";

export type Procedure = ProcedureView;
export { maxQueryLength };

export function searchProcedures(client: ApiClient, query: string, signal?: AbortSignal): Promise<Procedure[]> {
  return client.getJson("/v1/procedures", {
    query: { q: query },
    ...(signal ? { signal } : {}),
    parse: (body) =>
      array(object(body, "answer").procedures, "procedures").map((value, i) => {
        const json = object(value, `procedures[${i}]`);
        return {
          code: string(json.code, "code"),
          name: string(json.name, "name"),
          field: string(json.field, "field"),
          processingTime: string(json.processingTime, "processingTime"),
          fee: string(json.fee, "fee"),
          documentsRequired: array(json.documentsRequired, "documentsRequired").map((d) => string(d, "document")),
          portalUrl: nullableString(json.portalUrl, "portalUrl"),
        };
      }),
  });
}
