/**
 * Fixed development values for the local stack. They are never real: the local stack talks only to
 * DynamoDB Local and the Zalo emulator. They are fixed rather than random so that data kept with
 * `--persist` stays readable across runs (phone hashes, receipt signatures).
 */
export const localDevSettings = {
  region: "ap-southeast-1",
  tableName: "motcua-local",
  ingestSecret: "dev-only-ingest-secret-not-for-production",
  receiptKey: "dev-only-receipt-key-not-for-production",
  phoneHmacKey: "dev-only-phone-hmac-key-not-for-production",
  miniAppId: "4000000000000000004",
  zaloAppId: "1000000000000000001",
  zaloAppSecret: "dev-only-zalo-app-secret",
  zaloOaId: "2000000000000000002",
  zaloOaSecretKey: "dev-only-zalo-oa-secret-key",
  zaloOaRefreshToken: "dev-only-oa-refresh-token",
  /** Template ids registered in the emulator's pretend OA (any numeric id is accepted there). */
  oaTemplateIds: "dossier_update=100001,announcement=100002,feedback_reply=100003",
  znsTemplateIds: "dossier_update=200001",
  /** The national sync dialect's demo sender: every unit, the national status list. */
  syncCredential: { username: "dev-sync", password: "dev-only-sync-password-not-for-production", unitPatterns: ["*"] },
} as const;
