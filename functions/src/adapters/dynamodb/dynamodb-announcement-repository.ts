import * as z from "zod/mini";
import { announcementKinds, type Announcement } from "../../domain/announcement.js";
import type { AnnouncementPage, AnnouncementRepository } from "../../ports/announcement-repository.js";
import { decodeCursor, encodeCursor, jsonPosition } from "../../ports/page-cursor.js";
import { itemTypes, keys } from "./keys.js";
import { indexNames } from "./table-definition.js";
import type { Table } from "./table.js";

const announcementItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.announcement),
  id: z.string(),
  kind: z.enum(announcementKinds),
  title: z.string(),
  body: z.string(),
  link: z.nullable(z.string()),
  publishedAt: z.string().check(z.minLength(20)),
}));

/** The page cursor carries the last announcement's `{ publishedAt, id }` as JSON (the GSI1 sort key's parts). */
const listPosition = jsonPosition(() => z.strictObject({ publishedAt: z.iso.datetime(), id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/u)) }));

function fromItem(item: Record<string, unknown>): Announcement {
  const { type: _type, ...announcement } = announcementItemSchema.parse(item);
  return announcement;
}

export class DynamoDbAnnouncementRepository implements AnnouncementRepository {
  constructor(private readonly table: Table) {}

  async publish(announcement: Announcement): Promise<void> {
    await this.table.put({
      ...keys.announcement(announcement.id),
      ...keys.announcementsByTime(announcement.publishedAt, announcement.id),
      type: itemTypes.announcement,
      ...announcement,
    });
  }

  async get(id: string): Promise<Announcement | null> {
    const item = await this.table.get(keys.announcement(id));
    return item ? fromItem(item) : null;
  }

  async listNewestFirst(request: { limit: number; after: string | null }): Promise<AnnouncementPage> {
    const after = request.after === null ? null : decodeCursor(request.after, listPosition);
    const result = await this.table.query({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.announcementsPartition },
      ScanIndexForward: false,
      Limit: request.limit,
      ExclusiveStartKey: after ? { ...keys.announcement(after.id), ...keys.announcementsByTime(after.publishedAt, after.id) } : undefined,
    });
    const announcements = (result.Items ?? []).map(fromItem);
    const last = announcements[announcements.length - 1];
    return {
      announcements,
      next: result.LastEvaluatedKey && last ? encodeCursor(JSON.stringify({ publishedAt: last.publishedAt, id: last.id })) : null,
    };
  }
}
