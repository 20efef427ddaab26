import * as z from "zod";
import { maxProcedureQueryLength } from "@motcua/contracts/procedure";
import type { Announcement } from "../../domain/announcement.js";
import type { Procedure } from "../../domain/procedure.js";
import type { AnnouncementPage, AnnouncementPosition } from "../../ports/announcement-repository.js";
import { citizenMessages } from "../citizen-messages.js";
import { errorResponse, json } from "../http/responses.js";
import type { CitizenRoute } from "./citizen-route.js";

export interface CatalogueRouteDeps {
  listAnnouncements: (request: { limit: number; after: AnnouncementPosition | null }) => Promise<AnnouncementPage>;
  getAnnouncement: (id: string) => Promise<Announcement | null>;
  searchProcedures: (query: string) => Promise<Procedure[]>;
}

export const announcementPageSize = { default: 20, max: 50 } as const;

const idPattern = /^[A-Za-z0-9_-]{1,100}$/u;
const positionSchema = z.strictObject({ publishedAt: z.iso.datetime(), id: z.string().regex(idPattern) });

/** The page cursor is opaque to the client: base64url of the last announcement's position. */
export function encodeAnnouncementCursor(position: AnnouncementPosition): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

function decodeAnnouncementCursor(cursor: string): AnnouncementPosition | null {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

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
      let after: AnnouncementPosition | null = null;
      if (query.cursor !== undefined) {
        after = decodeAnnouncementCursor(query.cursor);
        if (!after) return errorResponse(400, "INVALID_CURSOR", citizenMessages.invalidCursor);
      }
      const page = await deps.listAnnouncements({ limit: Number(limitText), after });
      return json(200, { announcements: page.announcements, nextCursor: page.next ? encodeAnnouncementCursor(page.next) : null });
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
