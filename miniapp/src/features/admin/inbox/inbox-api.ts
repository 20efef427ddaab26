import type { ApiClient } from "../../../shared/api/api-client";

export type InboxFilter = "open" | "answered" | "closed";

export interface InboxThread {
  id: string;
  type: string;
  state: string;
  text: string;
  dossierCode: string | null;
  replyDueAt: string;
  late: boolean;
  workingDaysLeft: number | null;
  lastMessage: { author: "citizen" | "staff"; text: string; at: string };
}

export interface InboxMessage {
  id: string;
  author: "citizen" | "staff";
  staffName: string | null;
  text: string;
  at: string;
}

export interface InboxThreadDetail extends InboxThread {
  messages: InboxMessage[];
  dossier: { code: string; procedureName: string; statusLabel: string } | null;
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null) throw new Error("not an object");
  return value as Record<string, unknown>;
}
const text = (value: unknown): string => {
  if (typeof value !== "string") throw new Error("not a string");
  return value;
};
const maybeText = (value: unknown): string | null => (value === null ? null : text(value));

function parseThread(value: unknown): InboxThread {
  const body = object(value);
  const last = object(body.lastMessage);
  return {
    id: text(body.id),
    type: text(body.type),
    state: text(body.state),
    text: text(body.text),
    dossierCode: maybeText(body.dossierCode),
    replyDueAt: text(body.replyDueAt),
    late: body.late === true,
    workingDaysLeft: typeof body.workingDaysLeft === "number" ? body.workingDaysLeft : null,
    lastMessage: { author: last.author === "staff" ? "staff" : "citizen", text: text(last.text), at: text(last.at) },
  };
}

function parseDetail(value: unknown): InboxThreadDetail {
  const body = object(value);
  const messages = Array.isArray(body.messages) ? body.messages.map(object) : [];
  const dossier = body.dossier === null ? null : object(body.dossier);
  return {
    ...parseThread(body),
    messages: messages.map((m) => ({ id: text(m.id), author: m.author === "staff" ? "staff" : "citizen", staffName: maybeText(m.staffName), text: text(m.text), at: text(m.at) })),
    dossier: dossier ? { code: text(dossier.code), procedureName: text(dossier.procedureName), statusLabel: text(dossier.statusLabel) } : null,
  };
}

export function fetchInbox(client: ApiClient, request: { filter: InboxFilter; lateOnly: boolean; cursor: string | null }, signal?: AbortSignal) {
  return client.getJson("/v1/admin/feedback", {
    query: { state: request.filter, late: request.lateOnly ? "true" : undefined, cursor: request.cursor ?? undefined },
    parse: (body) => {
      const page = object(body);
      if (!Array.isArray(page.threads)) throw new Error("no threads");
      return { threads: page.threads.map(parseThread), nextCursor: maybeText(page.nextCursor ?? null) };
    },
    ...(signal ? { signal } : {}),
  });
}

export function fetchInboxThread(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.getJson(`/v1/admin/feedback/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}), parse: parseDetail });
}

export function replyToThread(client: ApiClient, id: string, replyText: string) {
  return client.sendJson("POST", `/v1/admin/feedback/${encodeURIComponent(id)}/replies`, { body: { text: replyText }, parse: object });
}

export function changeThreadState(client: ApiClient, id: string, action: "close" | "reopen") {
  return client.sendJson("POST", `/v1/admin/feedback/${encodeURIComponent(id)}/${action}`, { parse: parseThread });
}

export function fetchInboxCounts(client: ApiClient, signal?: AbortSignal) {
  return client.getJson("/v1/admin/feedback/counts", {
    parse: (body) => {
      const counts = object(body);
      if (typeof counts.open !== "number" || typeof counts.late !== "number") throw new Error("no counts");
      return { open: counts.open, late: counts.late };
    },
    ...(signal ? { signal } : {}),
  });
}
