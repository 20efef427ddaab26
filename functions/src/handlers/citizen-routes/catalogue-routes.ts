import { maxProcedureQueryLength } from "@motcua/contracts/procedure";
import type { Announcement } from "../../domain/announcement.js";
import type { Procedure } from "../../domain/procedure.js";
import type { AnnouncementPage } from "../../ports/announcement-repository.js";
import { isInvalidCursor, type InvalidCursor } from "../../ports/page-cursor.js";
import { citizenMessages } from "../citizen-messages.js";
import { errorResponse, json } from "../http/responses.js";
import type { CitizenRoute } from "./citizen-route.js";

export interface CatalogueRouteDeps {
  listAnnouncements: (request: { limit: number; after: string | null }) => Promise<AnnouncementPage | InvalidCursor>;
  getAnnouncement: (id: string) => Promise<Announcement | null>;
  searchProcedures: (query: string) => Promise<Procedure[]>;
}

export const announcementPageSize = { default: 20, max: 50 } as const;

const idPattern = /^[A-Za-z0-9_-]{1,100}$/u;

function procedureView(procedure: Procedure) {
  return {
    code: procedure.code,
    name: procedure.name,
    field: procedure.field,
    processingTime: procedure.processingTime,
    fee: procedure.fee,
    documentsRequired: procedure.documentsRequired,
    portalUrl: procedure.portalUrl,
  };
}

export function catalogueRoutes(deps: CatalogueRouteDeps): Record<string, CitizenRoute> {
  return {
    "GET /v1/announcements": async (event) => {
      const query = event.queryStringParameters ?? {};
      const limitText = query.limit ?? String(announcementPageSize.default);
      if (!/^\d{1,3}$/u.test(limitText) || Number(limitText) < 1 || Number(limitText) > announcementPageSize.max) {
        return errorResponse(400, "INVALID_LIMIT", citizenMessages.invalidLimit);
      }
      const page = await deps.listAnnouncements({ limit: Number(limitText), after: query.cursor ?? null });
      if (isInvalidCursor(page)) return errorResponse(400, "INVALID_CURSOR", citizenMessages.invalidCursor);
      return json(200, { announcements: page.announcements, nextCursor: page.next });
    },
    "GET /v1/announcements/{id}": async (event) => {
      const id = event.pathParameters?.id ?? "";
      const announcement = idPattern.test(id) ? await deps.getAnnouncement(id) : null;
      if (!announcement) return errorResponse(404, "NOT_FOUND", citizenMessages.announcementNotFound);
      return json(200, announcement);
    },
    "GET /v1/procedures": async (event) => {
      const q = event.queryStringParameters?.q ?? "";
      if (q.length > maxProcedureQueryLength) return errorResponse(400, "INVALID_QUERY", citizenMessages.invalidQuery);
      const procedures = await deps.searchProcedures(q);
      return json(200, { procedures: procedures.map(procedureView) });
    },
  };
}
