import type { ApiClient } from "../../shared/api/api-client";
import { array, boolean, nullableBoolean, nullableString, number, object, oneOf, string } from "../../shared/parse/json-shape";

export const feedbackTypes = ["hoi_dap", "phan_anh", "gop_y"] as const;
export type FeedbackType = (typeof feedbackTypes)[number];
export const feedbackStates = ["moi", "dang_xu_ly", "da_tra_loi", "da_dong"] as const;
export type FeedbackState = (typeof feedbackStates)[number];
export const maxFeedbackTextLength = 2000;

export interface FeedbackThreadSummary {
  id: string;
  type: FeedbackType;
  text: string;
  dossierCode: string | null;
  state: FeedbackState;
  createdAt: string;
  replyDueAt: string;
  answeredAt: string | null;
  lastMessageAt: string;
  messageCount: number;
  late: boolean;
}

export interface FeedbackMessage {
  id: string;
  author: "citizen" | "staff";
  staffName: string | null;
  text: string;
  at: string;
  helpful: boolean | null;
}

export interface FeedbackThread extends FeedbackThreadSummary {
  messages: FeedbackMessage[];
}

function parseSummary(value: unknown, at: string): FeedbackThreadSummary {
  const json = object(value, at);
  return {
    id: string(json.id, `${at}.id`),
    type: oneOf(json.type, feedbackTypes, `${at}.type`),
    text: string(json.text, `${at}.text`),
    dossierCode: nullableString(json.dossierCode, `${at}.dossierCode`),
    state: oneOf(json.state, feedbackStates, `${at}.state`),
    createdAt: string(json.createdAt, `${at}.createdAt`),
    replyDueAt: string(json.replyDueAt, `${at}.replyDueAt`),
    answeredAt: nullableString(json.answeredAt, `${at}.answeredAt`),
    lastMessageAt: string(json.lastMessageAt, `${at}.lastMessageAt`),
    messageCount: number(json.messageCount, `${at}.messageCount`),
    late: boolean(json.late, `${at}.late`),
  };
}

function parseMessage(value: unknown, at: string): FeedbackMessage {
  const json = object(value, at);
  return {
    id: string(json.id, `${at}.id`),
    author: oneOf(json.author, ["citizen", "staff"] as const, `${at}.author`),
    staffName: nullableString(json.staffName, `${at}.staffName`),
    text: string(json.text, `${at}.text`),
    at: string(json.at, `${at}.at`),
    helpful: nullableBoolean(json.helpful, `${at}.helpful`),
  };
}

export function submitFeedback(client: ApiClient, request: { type: FeedbackType; text: string; dossierCode?: string }) {
  return client.sendJson("POST", "/v1/feedback", { body: request, parse: (body) => parseSummary(body, "thread") });
}

export function fetchMyFeedback(client: ApiClient, signal?: AbortSignal): Promise<FeedbackThreadSummary[]> {
  return client.getJson("/v1/me/feedback", {
    ...(signal ? { signal } : {}),
    parse: (body) => array(object(body, "answer").threads, "threads").map((thread, i) => parseSummary(thread, `threads[${i}]`)),
  });
}

export function fetchFeedbackThread(client: ApiClient, id: string, signal?: AbortSignal): Promise<FeedbackThread> {
  return client.getJson(`/v1/feedback/${encodeURIComponent(id)}`, {
    ...(signal ? { signal } : {}),
    parse: (body) => ({
      ...parseSummary(body, "thread"),
      messages: array(object(body, "thread").messages, "messages").map((m, i) => parseMessage(m, `messages[${i}]`)),
    }),
  });
}

export function sendFeedbackMessage(client: ApiClient, id: string, text: string) {
  return client.sendJson("POST", `/v1/feedback/${encodeURIComponent(id)}/messages`, { body: { text }, parse: () => true });
}

export function markAnswerHelpful(client: ApiClient, id: string, messageId: string, helpful: boolean) {
  return client.sendJson("PUT", `/v1/feedback/${encodeURIComponent(id)}/messages/${encodeURIComponent(messageId)}/helpful`, { body: { helpful },
    parse: () => true,
  });
}
