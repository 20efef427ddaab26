export interface CitizenMessage {
  zaloAppUserId: string;
  zaloOaUserId: string;
  msgId: string;
  text: string;
  at: string;
}

/** What the OA webhook writes besides the follower state. */
export interface WebhookInbox {
  /** 1 GetItem on the event's marker. */
  wasProcessed(eventKey: string): Promise<boolean>;
  /** Writes the marker (kept 7 days, longer than Zalo's retries). 1 PutItem. */
  markProcessed(eventKey: string, at: Date): Promise<void>;
  /** Stores a text the citizen sent the OA; a second copy of the same message id changes nothing. 1 conditional PutItem. */
  saveCitizenMessage(message: CitizenMessage): Promise<"saved" | "duplicate">;
}
