import { workingDayDeadline, type HolidayCalendar } from "./working-days.js";

/** Hỏi đáp, phản ánh, góp ý (PAKN). */
export const feedbackTypes = ["hoi_dap", "phan_anh", "gop_y"] as const;
export type FeedbackType = (typeof feedbackTypes)[number];

/** mới, đang xử lý, đã trả lời, đã đóng */
export const feedbackStates = ["moi", "dang_xu_ly", "da_tra_loi", "da_dong"] as const;
export type FeedbackState = (typeof feedbackStates)[number];

export const maxFeedbackTextLength = 2000;
/** PAKN deadlines in working days (QĐ 766 formula): reply within 15, publish the answer within 2. */
export const replyWithinWorkingDays = 15;
export const publishWithinWorkingDays = 2;

export type FeedbackChannel = "mini_app" | "zalo_oa";

export interface FeedbackThread {
  id: string;
  zaloAppUserId: string;
  type: FeedbackType;
  /** The first message, kept on the thread for lists. */
  text: string;
  dossierCode: string | null;
  /** The dossier's agency when the thread names a known dossier (its staff answer it); null otherwise. */
  agencyCode: string | null;
  channel: FeedbackChannel;
  state: FeedbackState;
  createdAt: string;
  /** Reply due by this instant (end of the 15th working day after the last unanswered citizen message). */
  replyDueAt: string;
  answeredAt: string | null;
  /** Publish due by this instant once answered (2 working days). */
  publishDueAt: string | null;
  lastMessageAt: string;
  /** The newest message, kept on the thread for the staff inbox list. */
  lastMessageText: string;
  lastMessageAuthor: "citizen" | "staff";
  closedAt: string | null;
  messageCount: number;
  version: number;
}

export interface FeedbackMessage {
  threadId: string;
  messageId: string;
  author: "citizen" | "staff";
  /** The staff member's display name, null for the citizen. */
  staffName: string | null;
  text: string;
  at: string;
  /** The citizen's verdict on a staff answer; null until given. */
  helpful: boolean | null;
}

export function newFeedbackThread(input: {
  id: string;
  messageId: string;
  zaloAppUserId: string;
  type: FeedbackType;
  text: string;
  dossierCode: string | null;
  agencyCode?: string | null;
  channel: FeedbackChannel;
  now: Date;
  calendar: HolidayCalendar;
}): { thread: FeedbackThread; message: FeedbackMessage } {
  const at = input.now.toISOString();
  return {
    thread: {
      id: input.id,
      zaloAppUserId: input.zaloAppUserId,
      type: input.type,
      text: input.text,
      dossierCode: input.dossierCode,
      agencyCode: input.agencyCode ?? null,
      channel: input.channel,
      state: "moi",
      createdAt: at,
      replyDueAt: workingDayDeadline(input.now, replyWithinWorkingDays, input.calendar),
      answeredAt: null,
      publishDueAt: null,
      lastMessageAt: at,
      lastMessageText: input.text,
      lastMessageAuthor: "citizen",
      closedAt: null,
      messageCount: 1,
      version: 1,
    },
    message: { threadId: input.id, messageId: input.messageId, author: "citizen", staffName: null, text: input.text, at, helpful: null },
  };
}

/**
 * The citizen writes again. A closed thread takes no more messages; a question after an answer reopens
 * the thread with a new reply deadline.
 */
export function addCitizenMessage(
  thread: FeedbackThread,
  input: { messageId: string; text: string; now: Date; calendar: HolidayCalendar },
): { ok: true; thread: FeedbackThread; message: FeedbackMessage } | { ok: false; reason: "closed" } {
  if (thread.state === "da_dong") return { ok: false, reason: "closed" };
  const at = input.now.toISOString();
  const reopened = thread.state === "da_tra_loi";
  return {
    ok: true,
    thread: {
      ...thread,
      state: reopened ? "dang_xu_ly" : thread.state,
      replyDueAt: reopened ? workingDayDeadline(input.now, replyWithinWorkingDays, input.calendar) : thread.replyDueAt,
      lastMessageAt: at,
      lastMessageText: input.text,
      lastMessageAuthor: "citizen",
      messageCount: thread.messageCount + 1,
      version: thread.version + 1,
    },
    message: { threadId: thread.id, messageId: input.messageId, author: "citizen", staffName: null, text: input.text, at, helpful: null },
  };
}

/** A staff answer (the admin inbox calls this through its use case). */
export function addStaffReply(
  thread: FeedbackThread,
  input: { messageId: string; text: string; staffName: string; now: Date; calendar: HolidayCalendar },
): { ok: true; thread: FeedbackThread; message: FeedbackMessage } | { ok: false; reason: "closed" } {
  if (thread.state === "da_dong") return { ok: false, reason: "closed" };
  const at = input.now.toISOString();
  return {
    ok: true,
    thread: {
      ...thread,
      state: "da_tra_loi",
      answeredAt: at,
      publishDueAt: workingDayDeadline(input.now, publishWithinWorkingDays, input.calendar),
      lastMessageAt: at,
      lastMessageText: input.text,
      lastMessageAuthor: "staff",
      messageCount: thread.messageCount + 1,
      version: thread.version + 1,
    },
    message: { threadId: thread.id, messageId: input.messageId, author: "staff", staffName: input.staffName, text: input.text, at, helpful: null },
  };
}

/** Late: still unanswered past the reply deadline, or answered after it. */
export function isFeedbackLate(thread: Pick<FeedbackThread, "state" | "replyDueAt" | "answeredAt">, now: Date): boolean {
  const due = Date.parse(thread.replyDueAt);
  if (thread.state === "da_tra_loi" && thread.answeredAt) return Date.parse(thread.answeredAt) > due;
  if (thread.state === "da_dong") return thread.answeredAt !== null && Date.parse(thread.answeredAt) > due;
  return now.getTime() > due;
}

/** A thread a text from the OA chat joins: the newest one not closed. */
export function isOpenThread(thread: Pick<FeedbackThread, "state">): boolean {
  return thread.state !== "da_dong";
}

/** Staff close a thread (answered, or nothing more to do). Closing a closed thread is refused. */
export function closeFeedbackThread(thread: FeedbackThread, now: Date): { ok: true; thread: FeedbackThread } | { ok: false; reason: "already_closed" } {
  if (thread.state === "da_dong") return { ok: false, reason: "already_closed" };
  return { ok: true, thread: { ...thread, state: "da_dong", closedAt: now.toISOString(), version: thread.version + 1 } };
}

/**
 * Staff reopen a closed thread: it goes back to "đang xử lý". A thread never answered keeps its reply
 * deadline (the citizen's question is still due); one answered before it was closed gets a new one, as
 * reopening asks for more work.
 */
export function reopenFeedbackThread(
  thread: FeedbackThread,
  now: Date,
  calendar: HolidayCalendar,
): { ok: true; thread: FeedbackThread } | { ok: false; reason: "not_closed" } {
  if (thread.state !== "da_dong") return { ok: false, reason: "not_closed" };
  return {
    ok: true,
    thread: {
      ...thread,
      state: "dang_xu_ly",
      replyDueAt: thread.answeredAt ? workingDayDeadline(now, replyWithinWorkingDays, calendar) : thread.replyDueAt,
      closedAt: null,
      version: thread.version + 1,
    },
  };
}

/** The inbox's tabs: open (mới + đang xử lý), answered, closed. */
export const feedbackInboxFilters = { open: ["moi", "dang_xu_ly"], answered: ["da_tra_loi"], closed: ["da_dong"] } as const satisfies Record<
  string,
  readonly FeedbackState[]
>;
export type FeedbackInboxFilter = keyof typeof feedbackInboxFilters;

/**
 * General feedback (no dossier) belongs to no agency: it is answered by the staff whose scope includes this
 * pseudo-agency code (an admin gives it through the staff API), and by staff of every agency.
 */
export const generalFeedbackScope = "PAKN_CHUNG";

/**
 * Who may read and answer a thread: staff of the dossier's agency; general feedback by the general scope.
 * A thread naming a dossier the system does not know is seen only by staff of every agency.
 */
export function feedbackScope(thread: Pick<FeedbackThread, "dossierCode" | "agencyCode">): string | null {
  if (thread.agencyCode) return thread.agencyCode;
  return thread.dossierCode === null ? generalFeedbackScope : null;
}
