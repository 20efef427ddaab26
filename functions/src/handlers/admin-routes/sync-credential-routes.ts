import * as z from "zod/mini";
import { isDossierStatus, type DossierStatus } from "../../domain/dossier-status.js";
import { syncUsernamePattern } from "../../domain/sync-credential.js";
import type { ManageSyncCredentials, SyncCredentialChange } from "../../use-cases/manage-sync-credentials.js";
import { parseJsonBody } from "../http/json-body.js";
import { errorResponse, json } from "../http/responses.js";
import { adminMessages } from "../admin-messages.js";
import type { AdminRoute } from "./admin-route.js";

export interface SyncCredentialRouteDeps {
  syncCredentialAdmin?: ManageSyncCredentials;
}

export const syncCredentialLimits = { unitPatterns: 50, unitPatternLength: 64, statusCodes: 20 } as const;

const syncCredentialMessages = {
  exists: "Tên đăng nhập này đã có.",
  notFound: "Không có tài khoản đồng bộ này.",
} as const;

const createBody = z.lazy(() => z.strictObject({
  username: z.string().check(z.trim(), z.regex(syncUsernamePattern, "3–64 ký tự A-Z a-z 0-9 . _ @ -")),
  unitPatterns: z.array(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9.*]{1,64}$/u, "mã đơn vị, có thể dùng * (ví dụ 000.00.*.H56)"))).check(z.minLength(1), z.maxLength(syncCredentialLimits.unitPatterns)),
  statusOverrides: z._default(z.record(z.string().check(z.regex(/^[A-Za-z0-9]{1,8}$/u)), z.number().check(z.refine(isDossierStatus, "trạng thái quốc gia 1–10"))).check(z.refine((map) => Object.keys(map).length <= syncCredentialLimits.statusCodes, "tối đa 20 mã")), {}),
}));

const usernameParam = z.lazy(() => z.string().check(z.regex(syncUsernamePattern)));

function changeResponse(result: SyncCredentialChange, created = false) {
  if (result.kind === "forbidden") return errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
  if (result.kind === "not_found") return errorResponse(404, "NOT_FOUND", syncCredentialMessages.notFound);
  if (result.kind === "exists") return errorResponse(409, "USERNAME_TAKEN", syncCredentialMessages.exists);
  return json(created ? 201 : 200, { credential: result.credential, ...(result.password ? { password: result.password } : {}) });
}

/** Admins manage the national sync dialect's credentials (docs/integrating.md). */
export function syncCredentialRoutes(deps: SyncCredentialRouteDeps): Record<string, AdminRoute> {
  const admin = deps.syncCredentialAdmin;
  if (!admin) return {};
  const withUsername = (run: (actor: Parameters<AdminRoute>[1], username: string) => Promise<SyncCredentialChange>): AdminRoute =>
    async (event, actor) => {
      const username = usernameParam.safeParse(event.pathParameters?.username);
      if (!username.success) return errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody("username"));
      return changeResponse(await run(actor, username.data));
    };
  return {
    "GET /v1/admin/sync-credentials": async (_event, actor) => {
      const credentials = await admin.list(actor);
      return credentials ? json(200, { credentials }) : errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
    },
    "POST /v1/admin/sync-credentials": async (event, actor) => {
      const body = parseJsonBody(event, createBody);
      if (!body.ok) return errorResponse(400, "INVALID_BODY", adminMessages.invalidBody(body.issue));
      const input = { ...body.data, statusOverrides: body.data.statusOverrides as Record<string, DossierStatus> };
      return changeResponse(await admin.create(actor, input), true);
    },
    "POST /v1/admin/sync-credentials/{username}/password": withUsername((actor, username) => admin.rotatePassword(actor, username)),
    "POST /v1/admin/sync-credentials/{username}/disable": withUsername((actor, username) => admin.setDisabled(actor, username, true)),
    "POST /v1/admin/sync-credentials/{username}/enable": withUsername((actor, username) => admin.setDisabled(actor, username, false)),
  };
}
