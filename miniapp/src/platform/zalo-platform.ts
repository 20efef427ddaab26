import { vi } from "../copy/vi";

export type PlatformErrorKind = "refused" | "unsupported" | "too_many_calls" | "unknown";

/** What the rest of the app sees of a failed platform call: our kinds, never zmp-sdk codes. */
export class PlatformError extends Error {
  override readonly name = "PlatformError";
  constructor(
    readonly kind: PlatformErrorKind,
    message: string = platformErrorMessages[kind],
  ) {
    super(message);
  }
}

export const platformErrorMessages: Record<PlatformErrorKind, string> = {
  refused: vi.platform.refused,
  unsupported: vi.platform.unsupported,
  too_many_calls: vi.platform.tooManyCalls,
  unknown: vi.platform.unknown,
};

/** The Zalo capabilities the Mini App uses, as domain verbs. */
export interface ZaloPlatform {
  /** The citizen's Zalo access token, sent to our API as a Bearer token. */
  getAccessToken(): Promise<string>;
  /** Drops a token the API refused, so that the next getAccessToken() returns a fresh one. */
  forgetAccessToken(): void;
  /** Query parameters the app was opened with (deep links: `hs`, `k`), as Zalo's own reader gives them. */
  getRouteParams(): Promise<Record<string, string>>;
  /** Called with the new path when Zalo re-opens the running app from a link. Returns an unsubscribe. */
  onOpenApp(listener: (path: string) => void): () => void;
  scanQrCode(): Promise<string>;
  /** Single-use token the backend exchanges for the verified phone number. */
  getPhoneToken(): Promise<string>;
  followOa(oaId: string): Promise<void>;
  /** Asks the citizen to let the OA send them messages without following it (zmp-sdk `interactOA`, SDK ≥ 2.28.8). */
  allowOaMessages(oaId: string): Promise<void>;
  openChat(oaId: string): Promise<void>;
}

export function searchParamsToRecord(search: string): Record<string, string> {
  const record: Record<string, string> = {};
  new URLSearchParams(search).forEach((value, key) => {
    record[key] = value;
  });
  return record;
}
