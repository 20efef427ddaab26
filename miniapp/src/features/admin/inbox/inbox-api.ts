import type { ApiClient } from "../../../shared/api/api-client";
import { array, nullableString, number, object, string } from "../../../shared/parse/json-shape";

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

function parseThread(value: unknown, at = "thread"): InboxThread {
  const body = object(value, at);
  const last = object(body.lastMessage, `${at}.lastMessage`);
  return {
    id: string(body.id, `${at}.id`),
    type: string(body.type, `${at}.type`),
    state: string(body.state, `${at}.state`),
    text: string(body.text, `${at}.text`),
    dossierCode: nullableString(body.dossierCode, `${at}.dossierCode`),
    replyDueAt: string(body.replyDueAt, `${at}.replyDueAt`),
    late: body.late === true,
    workingDaysLeft: typeof body.workingDaysLeft === "number" ? body.workingDaysLeft : null,
    lastMessage: { author: last.author === "staff" ? "staff" : "citizen", text: string(last.text, `${at}.lastMessage.text`), at: string(last.at, `${at}.lastMessage.at`) },
  };
}

function parseDetail(value: unknown): InboxThreadDetail {
  const body = object(value, "thread");
  const messages = Array.isArray(body.messages) ? body.messages.map((m, index) => object(m, `messages[${index}]`)) : [];
  const dossier = body.dossier === null ? null : object(body.dossier, "dossier");
  return {
    ...parseThread(body),
    messages: messages.map((m) => ({
      id: string(m.id, "message.id"),
      author: m.author === "staff" ? "staff" : "citizen",
      staffName: nullableString(m.staffName, "message.staffName"),
      text: string(m.text, "message.text"),
      at: string(m.at, "message.at"),
    })),
    dossier: dossier
      ? { code: string(dossier.code, "dossier.code"), procedureName: string(dossier.procedureName, "dossier.procedureName"), statusLabel: string(dossier.statusLabel, "dossier.statusLabel") }
      : null,
  };
}

export function fetchInbox(client: ApiClient, request: { filter: InboxFilter; lateOnly: boolean; cursor: string | null }, signal?: AbortSignal) {
  return client.getJson("/v1/admin/feedback", {
    query: { state: request.filter, late: request.lateOnly ? "true" : undefined, cursor: request.cursor ?? undefined },
    parse: (body) => {
      const page = object(body, "page");
      return { threads: array(page.threads, "threads").map((thread, index) => parseThread(thread, `threads[${index}]`)), nextCursor: nullableString(page.nextCursor, "nextCursor") };
    },
    ...(signal ? { signal } : {}),
  });
}

export function fetchInboxThread(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.getJson(`/v1/admin/feedback/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}), parse: parseDetail });
}

export function replyToThread(client: ApiClient, id: string, replyText: string) {
  return client.sendJson("POST", `/v1/admin/feedback/${encodeURIComponent(id)}/replies`, { body: { text: replyText }, parse: (body) => object(body, "reply") });
}

export function changeThreadState(client: ApiClient, id: string, action: "close" | "reopen") {
  return client.sendJson("POST", `/v1/admin/feedback/${encodeURIComponent(id)}/${action}`, { parse: (body) => parseThread(body) });
}

export function fetchInboxCounts(client: ApiClient, signal?: AbortSignal) {
  return client.getJson("/v1/admin/feedback/counts", {
    parse: (body) => {
      const counts = object(body, "counts");
      return { open: number(counts.open, "counts.open"), late: number(counts.late, "counts.late") };
    },
    ...(signal ? { signal } : {}),
  });
}
