import { buildCitizenProfileView, type CitizenProfileView } from "../domain/citizen.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { ZaloUser } from "../ports/zalo-graph.js";

/**
 * `PUT /v1/me/announcement-subscription`: the citizen turns announcements as OA messages on or off (opt-in,
 * Decree 13/2023). Turning it on records the choice even for a non-follower; messages start once they follow.
 */
export function setAnnouncementSubscriptionUseCase(deps: { citizens: Pick<CitizenRepository, "setAnnouncementSubscription">; clock: Clock }) {
  return async function setAnnouncementSubscription(user: ZaloUser, subscribed: boolean): Promise<CitizenProfileView> {
    const profile = await deps.citizens.setAnnouncementSubscription(user.zaloAppUserId, subscribed, deps.clock.now().toISOString());
    return buildCitizenProfileView(profile, user.name);
  };
}
