/** Who looked at or changed what: staff access to citizens' personal data is recorded (Decree 13/2023). */
export interface AuditEntry {
  actorZaloAppUserId: string;
  action: string;
  subject: string;
  at: string;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
