import * as z from "zod/mini";
import { itemTypes } from "./keys.js";

const instant = () => z.string().check(z.minLength(20));

/** An announcement's fan-out job as stored: cursor, counts, state. */
export const fanoutItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.announcementFanout),
  announcementId: z.string(),
  state: z.enum(["running", "done"]),
  cursor: z.nullable(z.string()),
  pages: z.number().check(z.int(), z.nonnegative()),
  written: z.number().check(z.int(), z.nonnegative()),
  targeted: z.nullable(z.number().check(z.int(), z.nonnegative())),
  publishedBy: z.string(),
  startedAt: instant(),
  updatedAt: instant(),
  finishedAt: z.nullable(instant()),
}));

/** Delivery counts of an announcement's messages, and the day the fan-out waits for. */
export const tallyItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.announcementTally),
  sent: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  failed: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  undeliverable: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  pausedUntil: z._default(z.nullable(instant()), null),
}));
