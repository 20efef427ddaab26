import type { FeedbackMessage, FeedbackState, FeedbackThread } from "../domain/feedback.js";

export interface FeedbackThreadWithMessages {
  thread: FeedbackThread;
  /** Oldest first. */
  messages: FeedbackMessage[];
}

export interface FeedbackRepository {
  /** The thread and its first message in one transaction; "duplicate" when the thread id exists. */
  create(thread: FeedbackThread, message: FeedbackMessage): Promise<"created" | "duplicate">;
  /** The thread with all its messages: 1 Query on the item collection. */
  get(id: string, options?: { consistent?: boolean }): Promise<FeedbackThreadWithMessages | null>;
  /**
   * The updated thread (only over `expectedVersion`) and a new message, in one transaction. "duplicate": the
   * message id exists (a redelivered OA message); "conflict": the thread changed since it was read.
   */
  append(thread: FeedbackThread, expectedVersion: number, message: FeedbackMessage): Promise<"saved" | "conflict" | "duplicate">;
  /** A citizen's threads, newest first: 1 Query on GSI1. */
  listByCitizen(zaloAppUserId: string, limit: number): Promise<FeedbackThread[]>;
  /** Threads in a state, earliest reply deadline first (the staff inbox, issue 6): 1 Query on GSI2. */
  listByState(state: FeedbackState, limit: number): Promise<FeedbackThread[]>;
  /** Records the citizen's verdict on a staff message: 1 conditional UpdateItem. */
  setHelpful(message: Pick<FeedbackMessage, "threadId" | "messageId" | "at">, helpful: boolean): Promise<"saved" | "not_staff_message">;
}
