import type { FeedbackMessage, FeedbackState, FeedbackThread } from "../domain/feedback.js";
import type { NewOutboxItem } from "./outbox-repository.js";

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
   * message id exists (a redelivered OA message); "conflict": the thread changed since it was read. A staff
   * answer also writes its outbox item (the message to the citizen in Zalo) in the same transaction.
   */
  append(thread: FeedbackThread, expectedVersion: number, message: FeedbackMessage, outbox?: NewOutboxItem): Promise<"saved" | "conflict" | "duplicate">;
  /** The thread's new state (close, reopen), only over `expectedVersion`: 1 conditional PutItem. */
  saveThread(thread: FeedbackThread, expectedVersion: number): Promise<"saved" | "conflict">;
  /**
   * Threads in any of `states`, earliest reply deadline first (late on top), one Query on GSI2 per state,
   * merged. `after` is the `next` of the previous page; `dueBefore` keeps only deadlines before that instant.
   */
  pageByStates(
    states: readonly FeedbackState[],
    page: { after: string | null; limit: number; dueBefore?: string },
  ): Promise<{ threads: FeedbackThread[]; next: string | null }>;
  /** Scope fields and deadline of every thread in these states (for the inbox badge): Queries on GSI2 projecting three attributes. */
  deadlinesByStates(states: readonly FeedbackState[]): Promise<Pick<FeedbackThread, "replyDueAt" | "agencyCode" | "dossierCode">[]>;
  /** A citizen's threads, newest first: 1 Query on GSI1. */
  listByCitizen(zaloAppUserId: string, limit: number): Promise<FeedbackThread[]>;
  /** Threads in a state, earliest reply deadline first (the staff inbox): 1 Query on GSI2. */
  listByState(state: FeedbackState, limit: number): Promise<FeedbackThread[]>;
  /** Records the citizen's verdict on a staff message: 1 conditional UpdateItem. */
  setHelpful(message: Pick<FeedbackMessage, "threadId" | "messageId" | "at">, helpful: boolean): Promise<"saved" | "not_staff_message">;
}
