import { buildCitizenProfileView, newCitizenProfile, type CitizenProfileView } from "../domain/citizen.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { StaffRepository } from "../ports/staff-repository.js";
import type { ZaloUser } from "../ports/zalo-graph.js";

export interface GetMyProfileDeps {
  citizens: CitizenRepository;
  staff: StaffRepository;
  clock: Clock;
  /** From configuration: staff whatever the table holds. */
  firstAdminZaloAppUserId: string | undefined;
}

/** The profile, and whether the user is staff: the Mini App asks the staff routes only when they are. */
export type MyProfileView = CitizenProfileView & { isStaff: boolean };

/**
 * The citizen's profile. `user` was just read from Zalo's Graph API (not from a cache), so its follower
 * state and OA-scoped id are recorded first: what the Mini App shows is what Zalo says, never the client's word.
 */
export function getMyProfileUseCase(deps: GetMyProfileDeps) {
  return async function getMyProfile(user: ZaloUser): Promise<MyProfileView> {
    const at = deps.clock.now().toISOString();
    if (user.zaloOaUserId) {
      await deps.citizens.recordFollowState({
        zaloAppUserId: user.zaloAppUserId,
        zaloOaUserId: user.zaloOaUserId,
        isFollower: user.isFollower,
        at,
      });
    }
    const [stored, staffMember] = await Promise.all([
      deps.citizens.get(user.zaloAppUserId),
      user.zaloAppUserId === deps.firstAdminZaloAppUserId ? null : deps.staff.get(user.zaloAppUserId),
    ]);
    const profile = stored ?? newCitizenProfile(user.zaloAppUserId, at);
    const isStaff = user.zaloAppUserId === deps.firstAdminZaloAppUserId || staffMember !== null;
    return { ...buildCitizenProfileView(profile, user.name), isStaff };
  };
}
