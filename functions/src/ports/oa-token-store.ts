export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

export interface StoredOaToken extends OaTokenPair {
  /** While a refresh is under way: who claimed the refresh token and until when. */
  refreshingUntil: string | null;
}

/** The OA token pair, one item (DESIGN.md §4): 1 GetItem / 1 conditional UpdateItem. */
export interface OaTokenStore {
  /** Strongly consistent. */
  get(): Promise<StoredOaToken | null>;
  /** Stores a first refresh token (from configuration) when nothing is stored yet. */
  initialise(refreshToken: string): Promise<void>;
  /** Claims the right to spend `refreshToken`, unless someone else holds an unexpired claim or it was rotated. */
  claimRefresh(refreshToken: string, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Saves the new pair only if the stored refresh token is still `spentRefreshToken` and `owner` claimed it. */
  saveRotated(spentRefreshToken: string, owner: string, pair: OaTokenPair): Promise<boolean>;
}

export type OAuthRefreshResult =
  | { ok: true; accessToken: string; refreshToken: string; expiresInSeconds: number }
  | { ok: false; code: number | null; message: string };

/** Zalo OAuth v4: `POST /v4/oa/access_token` with a single-use refresh token. */
export interface ZaloOAuth {
  refresh(refreshToken: string): Promise<OAuthRefreshResult>;
}
