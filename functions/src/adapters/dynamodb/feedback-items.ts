import * as z from "zod/mini";
import { feedbackStates, feedbackTypes, type FeedbackMessage, type FeedbackThread } from "../../domain/feedback.js";
import { itemTypes, keys } from "./keys.js";

const instant = () => z.string().check(z.minLength(20));

export const feedbackThreadItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.feedbackThread),
  id: z.string(),
  zaloAppUserId: z.string(),
  feedbackType: z.enum(feedbackTypes),
  text: z.string(),
  dossierCode: z.nullable(z.string()),
  agencyCode: z._default(z.nullable(z.string()), null),
  channel: z.enum(["mini_app", "zalo_oa"]),
  state: z.enum(feedbackStates),
  createdAt: instant(),
  replyDueAt: instant(),
  answeredAt: z.nullable(instant()),
  publishDueAt: z.nullable(instant()),
  lastMessageAt: instant(),
  // Threads written before the staff inbox carried only their first message.
  lastMessageText: z.optional(z.string()),
  lastMessageAuthor: z.optional(z.enum(["citizen", "staff"])),
  closedAt: z._default(z.nullable(instant()), null),
  messageCount: z.number().check(z.int(), z.positive()),
  version: z.number().check(z.int(), z.positive()),
}));

export const feedbackMessageItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.feedbackMessage),
  threadId: z.string(),
  messageId: z.string(),
  author: z.enum(["citizen", "staff"]),
  staffName: z.nullable(z.string()),
  text: z.string(),
  at: instant(),
  helpful: z.nullable(z.boolean()),
}));

export function threadToItem(thread: FeedbackThread): Record<string, unknown> {
  const { type, ...rest } = thread;
  return {
    ...keys.feedbackThread(thread.id),
    ...keys.feedbackByCitizen(thread.zaloAppUserId, thread.createdAt, thread.id),
    ...keys.feedbackByState(thread.state, thread.replyDueAt, thread.id),
    ...rest,
    type: itemTypes.feedbackThread,
    feedbackType: type,
  };
}

export function threadFromItem(item: Record<string, unknown>): FeedbackThread {
  const { type: _type, feedbackType, lastMessageText, lastMessageAuthor, ...thread } = feedbackThreadItemSchema.parse(item);
  return { ...thread, type: feedbackType, lastMessageText: lastMessageText ?? thread.text, lastMessageAuthor: lastMessageAuthor ?? "citizen" };
}

export function messageToItem(message: FeedbackMessage): Record<string, unknown> {
  return { ...keys.feedbackMessage(message.threadId, message.at, message.messageId), type: itemTypes.feedbackMessage, ...message };
}

export function messageFromItem(item: Record<string, unknown>): FeedbackMessage {
  const { type: _type, ...message } = feedbackMessageItemSchema.parse(item);
  return message;
}
