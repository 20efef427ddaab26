import * as z from "zod/mini";
import { parseDossierCode } from "@motcua/contracts/dossier-code";
import { feedbackTypes, maxFeedbackTextLength, type FeedbackMessage, type FeedbackType } from "../../domain/feedback.js";
import type { RateLimitDecision } from "../../ports/rate-limiter.js";
import type { AddMessageResult } from "../../use-cases/add-feedback-message.js";
import type { ThreadSummary } from "../../use-cases/read-feedback.js";
import { citizenMessages } from "../citizen-messages.js";
import { parseJsonBody } from "../http/json-body.js";
import { errorResponse, json } from "../http/responses.js";
import type { CitizenRoute } from "./citizen-route.js";

export interface FeedbackRouteDeps {
  /** Counts one new question or message of the citizen against their budget. */
  allowFeedbackWrite: (zaloAppUserId: string) => Promise<RateLimitDecision>;
  submitFeedback: (request: { zaloAppUserId: string; type: FeedbackType; text: string; dossierCode: string | null; receiptSignature?: string | undefined }) => Promise<ThreadSummary | Omit<ThreadSummary, "late">>;
  listMyFeedback: (zaloAppUserId: string) => Promise<ThreadSummary[]>;
  getFeedbackThread: (request: { id: string; zaloAppUserId: string }) => Promise<{ kind: "not_found" } | { kind: "ok"; thread: ThreadSummary; messages: FeedbackMessage[] }>;
  addFeedbackMessage: (request: { id: string; zaloAppUserId: string; text: string }) => Promise<AddMessageResult>;
  markFeedbackAnswerHelpful: (request: { id: string; messageId: string; zaloAppUserId: string; helpful: boolean }) => Promise<"saved" | "not_found" | "not_staff_message">;
}

/** Not blank, at most 2000 characters once trimmed. */
const feedbackText = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(maxFeedbackTextLength));

const newFeedbackSchema = z.lazy(() => z.strictObject({
  type: z.enum(feedbackTypes),
  text: feedbackText(),
  dossierCode: z.optional(z.nullable(z.string())),
  /** The receipt QR's signature, when the citizen came from it: proves the dossier is theirs. */
  k: z.optional(z.string().check(z.maxLength(64))),
}));
const messageSchema = z.lazy(() => z.strictObject({ text: feedbackText() }));
const helpfulSchema = z.lazy(() => z.strictObject({ helpful: z.boolean() }));
const idPattern = /^[A-Za-z0-9_-]{1,100}$/u;

function threadView(thread: ThreadSummary | Omit<ThreadSummary, "late">) {
  return {
    id: thread.id,
    type: thread.type,
    text: thread.text,
    dossierCode: thread.dossierCode,
    channel: thread.channel,
    state: thread.state,
    createdAt: thread.createdAt,
    replyDueAt: thread.replyDueAt,
    answeredAt: thread.answeredAt,
    lastMessageAt: thread.lastMessageAt,
    messageCount: thread.messageCount,
    late: "late" in thread ? thread.late : false,
  };
}

function messageView(message: FeedbackMessage) {
  return {
    id: message.messageId,
    author: message.author,
    staffName: message.staffName,
    text: message.text,
    at: message.at,
    helpful: message.helpful,
  };
}

const notFound = () => errorResponse(404, "NOT_FOUND", citizenMessages.feedbackNotFound);
const tooManyWrites = (retryAfterSeconds: number) =>
  errorResponse(429, "RATE_LIMITED", citizenMessages.feedbackRateLimited(retryAfterSeconds), { "retry-after": String(retryAfterSeconds) });

export function feedbackRoutes(deps: FeedbackRouteDeps): Record<string, CitizenRoute> {
  return {
    "POST /v1/feedback": async (event, user) => {
      const body = parseJsonBody(event, newFeedbackSchema);
      if (!body.ok) return errorResponse(400, "VALIDATION_FAILED", citizenMessages.invalidFeedback);
      let dossierCode: string | null = null;
      if (body.data.dossierCode) {
        const parsed = parseDossierCode(body.data.dossierCode);
        if (!parsed.ok) return errorResponse(400, "INVALID_CODE", citizenMessages.invalidCode);
        dossierCode = parsed.code;
      }
      // Charged only once the request is valid: a typo does not use up the citizen's budget.
      const allowed = await deps.allowFeedbackWrite(user.zaloAppUserId);
      if (!allowed.allowed) return tooManyWrites(allowed.retryAfterSeconds);
      const thread = await deps.submitFeedback({
        zaloAppUserId: user.zaloAppUserId,
        type: body.data.type,
        text: body.data.text,
        dossierCode,
        receiptSignature: body.data.k,
      });
      return json(201, threadView(thread));
    },
    "GET /v1/me/feedback": async (_event, user) => {
      const threads = await deps.listMyFeedback(user.zaloAppUserId);
      return json(200, { threads: threads.map(threadView) });
    },
    "GET /v1/feedback/{id}": async (event, user) => {
      const id = event.pathParameters?.id ?? "";
      if (!idPattern.test(id)) return notFound();
      const result = await deps.getFeedbackThread({ id, zaloAppUserId: user.zaloAppUserId });
      if (result.kind === "not_found") return notFound();
      return json(200, { ...threadView(result.thread), messages: result.messages.map(messageView) });
    },
    "POST /v1/feedback/{id}/messages": async (event, user) => {
      const id = event.pathParameters?.id ?? "";
      if (!idPattern.test(id)) return notFound();
      const body = parseJsonBody(event, messageSchema);
      if (!body.ok) return errorResponse(400, "VALIDATION_FAILED", citizenMessages.invalidMessage);
      const allowed = await deps.allowFeedbackWrite(user.zaloAppUserId);
      if (!allowed.allowed) return tooManyWrites(allowed.retryAfterSeconds);
      const result = await deps.addFeedbackMessage({ id, zaloAppUserId: user.zaloAppUserId, text: body.data.text });
      if (result.kind === "not_found") return notFound();
      if (result.kind === "closed" || result.kind === "duplicate") return errorResponse(409, "THREAD_CLOSED", citizenMessages.feedbackClosed);
      return json(201, { state: result.thread.state, message: messageView(result.message) });
    },
    "PUT /v1/feedback/{id}/messages/{messageId}/helpful": async (event, user) => {
      const id = event.pathParameters?.id ?? "";
      const messageId = event.pathParameters?.messageId ?? "";
      if (!idPattern.test(id) || !idPattern.test(messageId)) return notFound();
      const body = parseJsonBody(event, helpfulSchema);
      if (!body.ok) return errorResponse(400, "VALIDATION_FAILED", citizenMessages.invalidHelpful);
      const result = await deps.markFeedbackAnswerHelpful({ id, messageId, zaloAppUserId: user.zaloAppUserId, helpful: body.data.helpful });
      if (result === "not_found") return notFound();
      if (result === "not_staff_message") return errorResponse(400, "NOT_STAFF_MESSAGE", citizenMessages.notStaffMessage);
      return json(200, { id: messageId, helpful: body.data.helpful });
    },
  };
}
