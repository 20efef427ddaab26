import type { CitizenProfile } from "../domain/citizen.js";

export interface FollowState {
  zaloAppUserId: string;
  zaloOaUserId: string;
  isFollower: boolean;
  at: string;
}

export interface VerifiedPhone {
  zaloAppUserId: string;
  /** Normalised `84…`. */
  phone: string;
  /** When Zalo's exchange confirmed it; the citizen consented at the same moment. */
  at: string;
}

export interface AnnouncementSubscriberPage {
  zaloAppUserIds: string[];
  /** The last id of this page when more may follow; null on the last page. */
  next: string | null;
}

export interface CitizenRepository {
  /** 1 GetItem. */
  get(zaloAppUserId: string): Promise<CitizenProfile | null>;
  /**
   * Creates the profile if needed and records the follower state and the OA-scoped id, unless a newer
   * state is already recorded (webhook events can arrive out of order). 1 conditional UpdateItem.
   */
  recordFollowState(state: FollowState): Promise<"recorded" | "older_than_recorded">;
  /**
   * Creates the profile if needed, stores the verified phone with the consent time and indexes the profile
   * by the phone's keyed hash on GSI1. 1 UpdateItem.
   */
  recordVerifiedPhone(verified: VerifiedPhone): Promise<void>;
  /**
   * Withdrawal of consent: deletes the stored phone and its GSI1 index attributes, keeps the time of the
   * withdrawal. 1 UpdateItem; the profile after the change, or null when there was none.
   */
  removeVerifiedPhone(zaloAppUserId: string, at: string): Promise<CitizenProfile | null>;
  /** The citizens whose verified phone is this one (1 Query on GSI1), e.g. to message a dossier's applicant. */
  findByVerifiedPhone(normalisedPhone: string): Promise<CitizenProfile[]>;
  /**
   * The citizen's opt-in to announcements as OA messages (creates the profile if needed). Keeps the sparse
   * subscriber index true: present only while opted in AND following. 1–2 UpdateItem; the profile after.
   */
  setAnnouncementSubscription(zaloAppUserId: string, subscribed: boolean, at: string): Promise<CitizenProfile>;
  /** Opted-in followers in id order, a page after `after` (exclusive): 1 Query on GSI2. */
  listAnnouncementSubscribers(request: { after: string | null; limit: number }): Promise<AnnouncementSubscriberPage>;
  /** How many opted-in followers there are now: Query GSI2 with `Select = COUNT`, a request per 1 MB of index. */
  countAnnouncementSubscribers(): Promise<number>;
}
