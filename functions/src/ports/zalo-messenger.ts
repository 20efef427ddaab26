import type { SendOutcome } from "../domain/send-outcome.js";

export interface OaTemplateMessage {
  zaloOaUserId: string;
  templateId: string;
  templateData: Record<string, string>;
}

export interface ZnsMessage {
  /** Normalised `84…`. */
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** Echoed in Zalo's delivery webhook; the outbox id (≤ 48 characters). */
  trackingId: string;
}

/** Zalo's send endpoints with the OA access token (OA template message to a follower; ZNS by phone). */
export interface ZaloMessenger {
  sendOaTemplate(accessToken: string, message: OaTemplateMessage): Promise<SendOutcome>;
  sendZns(accessToken: string, message: ZnsMessage): Promise<SendOutcome>;
}
