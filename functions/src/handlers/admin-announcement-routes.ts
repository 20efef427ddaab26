import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import { announcementKinds } from "../domain/announcement.js";
import { announcementLimits } from "../domain/announcement-fanout.js";
import type { StaffMember } from "../domain/staff.js";
import type { AdminAnnouncements } from "../use-cases/announcement-fanout.js";
import { adminMessages } from "./admin-messages.js";
import { invalidBodyResponse } from "./admin-routes/admin-route.js";
import { parseJsonBody } from "./http/json-body.js";
import { errorResponse, json } from "./http/responses.js";

type Route = (event: APIGatewayProxyEventV2, actor: StaffMember) => Promise<APIGatewayProxyStructuredResultV2>;

/** Announcements listed on the staff page (newest first). */
const listLimit = 20;

const announcementBody = z.lazy(() => z.strictObject({
  kind: z.enum(announcementKinds),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(announcementLimits.titleLength)),
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(announcementLimits.bodyLength)),
  link: z._default(z.nullable(z.url({ protocol: /^https$/u, message: "link must be an https URL" }).check(z.maxLength(announcementLimits.linkLength))), null),
}));

const announcementId = z.lazy(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/u)));

/** `POST|GET /v1/admin/announcements[/{id}]`: admins publish announcements and watch their fan-out. */
export function adminAnnouncementRoutes(announcements: AdminAnnouncements): Record<string, Route> {
  return {
    "POST /v1/admin/announcements": async (event, actor) => {
      if (actor.role !== "admin") return errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
      const parsed = parseJsonBody(event, announcementBody);
      if (!parsed.ok) return invalidBodyResponse(parsed);
      const result = await announcements.publish(actor, parsed.data);
      if (result.kind === "forbidden") return errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
      return json(201, { announcement: result.announcement, progress: result.progress });
    },
    "GET /v1/admin/announcements": async (_event, actor) => {
      const list = await announcements.list(actor, listLimit);
      if (!list) return errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
      return json(200, { announcements: list });
    },
    "GET /v1/admin/announcements/{id}": async (event, actor) => {
      const id = announcementId.safeParse(event.pathParameters?.id);
      if (!id.success) return errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody("id"));
      const found = await announcements.get(actor, id.data);
      if (found === "forbidden") return errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
      if (!found) return errorResponse(404, "NOT_FOUND", adminMessages.announcementNotFound);
      return json(200, found);
    },
  };
}
