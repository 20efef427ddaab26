import { buildCitizenProfileView, newCitizenProfile, type CitizenProfileView } from "../domain/citizen.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { ZaloUser } from "../ports/zalo-graph.js";

export interface GetMyProfileDeps {
  citizens: CitizenRepository;
  clock: Clock;
}

/**
 * The citizen's profile. `user` was just read from Zalo's Graph API (not from a cache), so its follower
 * state and OA-scoped id are recorded first: what the Mini App shows is what Zalo says, never the client's word.
 */
export function getMyProfileUseCase(deps: GetMyProfileDeps) {
  return async function getMyProfile(user: ZaloUser): Promise<CitizenProfileView> {
    const at = deps.clock.now().toISOString();
    if (user.zaloOaUserId) {
      await deps.citizens.recordFollowState({
        zaloAppUserId: user.zaloAppUserId,
        zaloOaUserId: user.zaloOaUserId,
        isFollower: user.isFollower,
        at,
      });
    }
    const profile = (await deps.citizens.get(user.zaloAppUserId)) ?? newCitizenProfile(user.zaloAppUserId, at);
    return buildCitizenProfileView(profile, user.name);
  };
}
