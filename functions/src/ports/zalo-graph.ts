/** The citizen as Zalo's Graph API knows them (the app-scoped id is the identity everywhere). */
export interface ZaloUser {
  zaloAppUserId: string;
  name: string;
  /** OA-scoped id, needed to message the user; only when the app is linked to the OA. */
  zaloOaUserId: string | null;
  isFollower: boolean;
}

export interface ZaloGraph {
  /** Null when Zalo says the token is invalid or expired. */
  getUserByAccessToken(accessToken: string): Promise<ZaloUser | null>;
}
