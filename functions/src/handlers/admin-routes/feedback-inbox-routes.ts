import type { APIGatewayProxyEventV2 } from "aws-lambda";
import * as z from "zod/mini";
import { maxFeedbackTextLength, type FeedbackMessage } from "../../domain/feedback.js";
import type { FeedbackInbox, InboxThread } from "../../use-cases/feedback-inbox.js";
import { isInvalidCursor } from "../../ports/page-cursor.js";
import { adminMessages } from "../admin-messages.js";
import { parseJsonBody, zodIssues } from "../http/json-body.js";
import { errorResponse, json } from "../http/responses.js";
import { pageQueryFields, type AdminRoute } from "./admin-route.js";
import { inboxMessages } from "./inbox-messages.js";

export interface FeedbackInboxRouteDeps {
  feedbackInbox: FeedbackInbox;
}

const listQuery = z.lazy(() => z.strictObject({
  state: z._default(z.enum(["open", "answered", "closed"]), "open"),
  late: z._default(z.enum(["true", "false"]), "false"),
  ...pageQueryFields(),
}));
const replyBody = z.lazy(() => z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(maxFeedbackTextLength)),
}));
const idPattern = /^[A-Za-z0-9_-]{1,100}$/u;

function threadView({ thread, late, workingDaysLeft }: InboxThread) {
  return {
    id: thread.id,
    type: thread.type,
    state: thread.state,
    text: thread.text,
    dossierCode: thread.dossierCode,
    agencyCode: thread.agencyCode,
    channel: thread.channel,
    createdAt: thread.createdAt,
    replyDueAt: thread.replyDueAt,
    answeredAt: thread.answeredAt,
    closedAt: thread.closedAt,
    lastMessage: { author: thread.lastMessageAuthor, text: thread.lastMessageText, at: thread.lastMessageAt },
    messageCount: thread.messageCount,
    late,
    workingDaysLeft,
  };
}

function messageView(message: FeedbackMessage) {
  return { id: message.messageId, author: message.author, staffName: message.staffName, text: message.text, at: message.at, helpful: message.helpful };
}

const notFound = () => errorResponse(404, "NOT_FOUND", inboxMessages.feedbackNotFound);
const threadId = (event: APIGatewayProxyEventV2) => {
  const id = event.pathParameters?.id ?? "";
  return idPattern.test(id) ? id : null;
};

/** `GET|POST /v1/admin/feedback…`: the PAKN inbox; scope and audit are the use case's. */
export function feedbackInboxRoutes(deps: FeedbackInboxRouteDeps): Record<string, AdminRoute> {
  const inbox = deps.feedbackInbox;
  return {
    "GET /v1/admin/feedback": async (event, actor) => {
      const query = listQuery.safeParse(event.queryStringParameters ?? {});
      if (!query.success) {
        const detail = zodIssues(query.error);
        return errorResponse(400, "INVALID_QUERY", inboxMessages.invalidQuery(detail));
      }
      const page = await inbox.list(actor, { filter: query.data.state, lateOnly: query.data.late === "true", after: query.data.cursor ?? null, limit: query.data.limit });
      if (isInvalidCursor(page)) return errorResponse(400, "INVALID_CURSOR", adminMessages.invalidCursor);
      return json(200, { threads: page.threads.map(threadView), nextCursor: page.next });
    },
    "GET /v1/admin/feedback/counts": async (_event, actor) => json(200, await inbox.counts(actor)),
    "GET /v1/admin/feedback/{id}": async (event, actor) => {
      const id = threadId(event);
      if (!id) return notFound();
      const result = await inbox.get(actor, id);
      if (result.kind === "not_found") return notFound();
      return json(200, { ...threadView(result.thread), messages: result.messages.map(messageView), dossier: result.dossier });
    },
    "POST /v1/admin/feedback/{id}/replies": async (event, actor) => {
      const id = threadId(event);
      if (!id) return notFound();
      const body = parseJsonBody(event, replyBody);
      if (!body.ok) return errorResponse(400, "INVALID_INPUT", inboxMessages.invalidReply);
      const result = await inbox.reply(actor, id, body.data.text);
      if (result.kind === "not_found") return notFound();
      if (result.kind === "closed" || result.kind === "duplicate") return errorResponse(409, "THREAD_CLOSED", inboxMessages.feedbackClosed);
      return json(201, { state: result.thread.state, message: messageView(result.message) });
    },
    "POST /v1/admin/feedback/{id}/close": async (event, actor) => {
      const id = threadId(event);
      if (!id) return notFound();
      const result = await inbox.close(actor, id);
      if (result.kind === "not_found") return notFound();
      if (result.kind === "refused") return errorResponse(409, "ALREADY_CLOSED", inboxMessages.alreadyClosed);
      return json(200, threadView(result.thread));
    },
    "POST /v1/admin/feedback/{id}/reopen": async (event, actor) => {
      const id = threadId(event);
      if (!id) return notFound();
      const result = await inbox.reopen(actor, id);
      if (result.kind === "not_found") return notFound();
      if (result.kind === "refused") return errorResponse(409, "NOT_CLOSED", inboxMessages.notClosed);
      return json(200, threadView(result.thread));
    },
  };
}
