import { randomUUID } from "node:crypto";
import { vietnamCalendarDay } from "../../domain/vietnam-time.js";
import type { AuditEntry, AuditLog } from "../../ports/audit-log.js";
import { itemTypes, keys } from "./keys.js";
import type { Table } from "./table.js";

/** Audit entries are kept two years, then expire by TTL. */
const retentionSeconds = 2 * 365 * 24 * 3600;

export class DynamoDbAuditLog implements AuditLog {
  constructor(private readonly table: Table) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.table.put({
      // The province reads its trail by its own days: an action at 01:00 on the 28th is the 28th's, not the 27th's.
      ...keys.auditEntry(vietnamCalendarDay(new Date(entry.at)), entry.at, randomUUID()),
      type: itemTypes.auditEntry,
      ...entry,
      expiresAt: Math.floor(Date.parse(entry.at) / 1000) + retentionSeconds,
    });
  }
}
