import type { StaffMember } from "../domain/staff.js";

export interface StaffRepository {
  /** 1 GetItem. */
  get(zaloAppUserId: string): Promise<StaffMember | null>;
  /** Every staff member (a province has a few hundred): 1 Query on GSI1 `STAFF`. */
  list(): Promise<StaffMember[]>;
  put(member: StaffMember): Promise<void>;
  /** False when there was nobody to remove. */
  remove(zaloAppUserId: string): Promise<boolean>;
}
