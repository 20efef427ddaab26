import * as z from "zod";
import { itemTypes } from "./keys.js";

const instant = z.string().min(20);

/** An announcement's fan-out job as stored: cursor, counts, state. */
export const fanoutItemSchema = z.object({
  type: z.literal(itemTypes.announcementFanout),
  announcementId: z.string(),
  state: z.enum(["running", "done"]),
  cursor: z.string().nullable(),
  pages: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  targeted: z.number().int().nonnegative().nullable(),
  publishedBy: z.string(),
  startedAt: instant,
  updatedAt: instant,
  finishedAt: instant.nullable(),
});

/** Delivery counts of an announcement's messages, and the day the fan-out waits for. */
export const tallyItemSchema = z.object({
  type: z.literal(itemTypes.announcementTally),
  sent: z.number().int().nonnegative().default(0),
  failed: z.number().int().nonnegative().default(0),
  undeliverable: z.number().int().nonnegative().default(0),
  pausedUntil: instant.nullable().default(null),
});
