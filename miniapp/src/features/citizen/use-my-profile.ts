import { useApiLoad } from "../../shared/api/use-api-load";
import { fetchMyProfile, type CitizenProfile } from "./citizen-profile";

/** The signed-in citizen's profile (`GET /v1/me`), with a retry and a way to show the profile an action returned. */
export function useMyProfile() {
  const { state, reload, setData, client } = useApiLoad(fetchMyProfile, "me");
  return { state, reload, setProfile: (profile: CitizenProfile) => setData(() => profile), client };
}
