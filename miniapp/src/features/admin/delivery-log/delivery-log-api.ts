import type { ApiClient } from "../../../shared/api/api-client";

export interface DeliveryLogEntry {
  id: string;
  kind: string;
  state: string;
  channel: string | null;
  attempts: number;
  zaloMessageId: string | null;
  reason: string | null;
  dossierCode: string | null;
  subject: string;
  createdAt: string;
  updatedAt: string;
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null) throw new Error("not an object");
  return value as Record<string, unknown>;
}
const maybeText = (value: unknown): string | null => (typeof value === "string" ? value : null);

function parseEntry(value: unknown): DeliveryLogEntry {
  const body = object(value);
  if (typeof body.id !== "string" || typeof body.state !== "string" || typeof body.kind !== "string") throw new Error("not a log entry");
  return {
    id: body.id,
    kind: body.kind,
    state: body.state,
    channel: maybeText(body.channel),
    attempts: typeof body.attempts === "number" ? body.attempts : 0,
    zaloMessageId: maybeText(body.zaloMessageId),
    reason: maybeText(body.reason),
    dossierCode: maybeText(body.dossierCode),
    subject: maybeText(body.subject) ?? "",
    createdAt: String(body.createdAt),
    updatedAt: String(body.updatedAt),
  };
}

export function fetchDeliveryLog(client: ApiClient, request: { state: string | null; dossier: string | null; cursor: string | null }, signal?: AbortSignal) {
  return client.getJson("/v1/admin/notifications", {
    ...(signal ? { signal } : {}),
    query: { state: request.state ?? undefined, dossier: request.dossier ?? undefined, cursor: request.cursor ?? undefined },
    parse: (body) => {
      const page = object(body);
      if (!Array.isArray(page.notifications)) throw new Error("no notifications");
      return { entries: page.notifications.map(parseEntry), nextCursor: maybeText(page.nextCursor) };
    },
  });
}

export function retryDelivery(client: ApiClient, id: string) {
  return client.sendJson("POST", `/v1/admin/notifications/${encodeURIComponent(id)}/retry`, { parse: parseEntry });
}

export const unsentStates = ["pending", "sending", "failed", "undeliverable", "unconfirmed"] as const;
export type UnsentState = (typeof unsentStates)[number];
export interface StateCount {
  count: number;
  /** The server stopped counting at its bound: there are at least this many. */
  atLeast: boolean;
}
export type DeliveryCounts = Record<UnsentState, StateCount>;

/** Checks the shape of `GET /v1/admin/notifications/counts`. */
export function parseDeliveryCounts(body: unknown): DeliveryCounts {
  const counts = object(object(body).counts);
  return Object.fromEntries(
    unsentStates.map((state) => {
      const entry = object(counts[state]);
      if (typeof entry.count !== "number" || typeof entry.atLeast !== "boolean") throw new Error(`no count for ${state}`);
      return [state, { count: entry.count, atLeast: entry.atLeast }];
    }),
  ) as DeliveryCounts;
}

export function fetchDeliveryCounts(client: ApiClient, signal?: AbortSignal): Promise<DeliveryCounts> {
  return client.getJson("/v1/admin/notifications/counts", { parse: parseDeliveryCounts, ...(signal ? { signal } : {}) });
}
