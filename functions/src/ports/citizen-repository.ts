import type { CitizenProfile } from "../domain/citizen.js";

export interface FollowState {
  zaloAppUserId: string;
  zaloOaUserId: string;
  isFollower: boolean;
  at: string;
}

export interface CitizenRepository {
  /** 1 GetItem. */
  get(zaloAppUserId: string): Promise<CitizenProfile | null>;
  /**
   * Creates the profile if needed and records the follower state and the OA-scoped id, unless a newer
   * state is already recorded (webhook events can arrive out of order). 1 conditional UpdateItem.
   */
  recordFollowState(state: FollowState): Promise<"recorded" | "older_than_recorded">;
  /** The citizens whose verified phone is this one (1 Query on GSI1), e.g. to message a dossier's applicant. */
  findByVerifiedPhone(normalisedPhone: string): Promise<CitizenProfile[]>;
}
