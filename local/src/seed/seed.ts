import { createSeedUsers, type SeedUsers } from "./create-seed-users.js";
import { postIngestEvents } from "./post-ingest-events.js";
import { seedAgencies } from "./seed-catalogue.js";
import { buildSeedData } from "./seed-data.js";
import type { Announcement } from "@motcua/functions/domain/announcement";
import { buildSeedAnnouncements } from "./seed-announcements.js";
import { buildSeedFeedback } from "./seed-feedback.js";
import { buildSeedProcedureCatalogue } from "./seed-procedure-catalogue.js";
import { buildSeedRatingHistory, type SeedRating } from "./seed-ratings.js";
import { signedIngestHeaders } from "./sign-ingest-request.js";

export interface SeedOptions {
  apiUrl: string;
  zaloEmulatorUrl: string;
  ingestSecret: string;
  /** Every time in the data is relative to this, so a given `now` always gives the same data. */
  now: Date;
  /** The time signed requests are made at (the stack's clock); the system clock when absent. */
  clock?: () => Date;
  /** Create the Zalo users only (the table already holds the dossiers). */
  usersOnly?: boolean;
  /** Writes an announcement (there is no citizen or machine route for it; only the staff tab's admin route). */
  publishAnnouncement?: (announcement: Announcement) => Promise<void>;
  /** Saves a rating as its owner would have given it at a past time (there is no route that backdates one). */
  seedRating?: (rating: SeedRating) => Promise<{ kind: string }>;
  /** Writes a feedback thread as if the citizen had sent it at `at` (for the staff inbox's late threads). */
  submitFeedbackAt?: (
    request: { zaloAppUserId: string; type: "hoi_dap" | "phan_anh" | "gop_y"; text: string; dossierCode: string | null },
    at: Date,
  ) => Promise<{ id: string }>;
  /** Answers a thread as staff at `at` (the same use case as the staff inbox; the answer goes out as a message). */
  answerFeedbackAt?: (request: { threadId: string; staffName: string; text: string }, at: Date) => Promise<void>;
}

/** What the deep links of the demo open: `?pakn=<answered thread>`, `?tb=<announcement>`. */
export interface SeedLinkTargets {
  /** The demo citizen's thread the staff answered, with the answer. */
  answeredThread?: { id: string; answer: string };
  announcement: { id: string; title: string };
}

export interface SeedDossierSummary {
  dossierCount: number;
  eventCount: number;
  /** Receipt URL (`https://zalo.me/s/<app>/?hs=<code>&k=<sig>`) of every dossier, by code. */
  receipts: Record<string, string>;
  demoDossierCode: string;
}

export interface SeedResult {
  users: SeedUsers;
  dossiers: SeedDossierSummary | undefined;
  linkTargets?: SeedLinkTargets;
}

/** Seeds through the real ingest API and the Zalo emulator's control API; any rejected event is an error. */
export async function seed(options: SeedOptions): Promise<SeedResult> {
  const users = await createSeedUsers(options.zaloEmulatorUrl);
  await addSeedOfficer(options.apiUrl, users);
  await optInToAnnouncements(options.apiUrl, users.citizen);
  if (options.usersOnly) return { users, dossiers: undefined };

  const data = buildSeedData(options.now);
  const results = await postIngestEvents(options.apiUrl, options.ingestSecret, data.events, options.clock);
  const rejected = results.filter((result) => result.outcome === "rejected");
  if (rejected.length > 0) {
    const sample = rejected.slice(0, 5).map((result) => `${result.eventId}: ${result.reason ?? "no reason"}`);
    throw new Error(`Seeding failed: ${rejected.length} event(s) rejected by the ingest API:\n${sample.join("\n")}`);
  }

  await putProcedureCatalogue(options);
  await seedRatings(options);
  const announcements = buildSeedAnnouncements(options.now);
  for (const announcement of announcements) await options.publishAnnouncement?.(announcement);
  const linkTargets: SeedLinkTargets = { announcement: { id: announcements[0]!.id, title: announcements[0]!.title } };
  for (const thread of buildSeedFeedback(options.now, users.citizen.zaloAppUserId, data.demoDossierCode)) {
    const submitted = await options.submitFeedbackAt?.(thread.request, thread.at);
    if (submitted && thread.answer && options.answerFeedbackAt) {
      await options.answerFeedbackAt({ threadId: submitted.id, staffName: thread.answer.staffName, text: thread.answer.text }, thread.answer.at);
      linkTargets.answeredThread = { id: submitted.id, answer: thread.answer.text };
    }
  }

  const codeByEventId = new Map(data.events.map((event) => [event.eventId, event.dossierCode]));
  const receipts: Record<string, string> = {};
  for (const result of results) {
    const code = codeByEventId.get(result.eventId);
    if (code && result.receipt) receipts[code] = result.receipt.url;
  }
  return {
    users,
    dossiers: {
      dossierCount: data.dossiers.length,
      eventCount: data.events.length,
      receipts,
      demoDossierCode: data.demoDossierCode,
    },
    linkTargets,
  };
}

/** The admin (the configured first admin) adds the officer through the staff API, as a province would. */
async function addSeedOfficer(apiUrl: string, users: SeedUsers): Promise<void> {
  const agency = seedAgencies[0]!;
  const response = await fetch(`${apiUrl}/v1/admin/staff/${users.officer.zaloAppUserId}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${users.admin.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ name: users.officer.name, role: "officer", agencyCodes: [agency.code] }),
  });
  if (!response.ok) throw new Error(`Seeding the officer failed: HTTP ${response.status} ${await response.text()}`);
}

/** The procedure catalogue, through the signed endpoint the one-stop system uses. */
async function putProcedureCatalogue(options: SeedOptions): Promise<void> {
  const body = JSON.stringify({ procedures: buildSeedProcedureCatalogue() });
  const response = await fetch(`${options.apiUrl}/v1/ingest/procedures`, {
    method: "PUT",
    headers: signedIngestHeaders(options.ingestSecret, body, options.clock?.()),
    body,
  });
  if (!response.ok) throw new Error(`Seeding the procedure catalogue failed: HTTP ${response.status} ${await response.text()}`);
}

/** Last months' finished dossiers through the ingest API, then their ratings, for the ratings dashboard. */
async function seedRatings(options: SeedOptions): Promise<void> {
  if (!options.seedRating) return;
  const history = buildSeedRatingHistory(options.now);
  const results = await postIngestEvents(options.apiUrl, options.ingestSecret, history.events, options.clock);
  const rejected = results.filter((result) => result.outcome === "rejected");
  if (rejected.length > 0) throw new Error(`Seeding the rating history failed: ${rejected[0]!.eventId}: ${rejected[0]!.reason ?? "rejected"}`);
  for (const rating of history.ratings) {
    const saved = await options.seedRating(rating);
    if (saved.kind !== "saved") throw new Error(`Seeding the rating of ${rating.code} failed: ${saved.kind}`);
  }
}

/**
 * The demo citizen (a follower of the OA) turns on announcements as OA messages, as he would on his profile page:
 * GET /v1/me records his follower state from Zalo, then the opt-in (off by default, Decree 13/2023).
 */
async function optInToAnnouncements(apiUrl: string, citizen: SeedUsers["citizen"]): Promise<void> {
  const headers = { authorization: `Bearer ${citizen.accessToken}`, "content-type": "application/json" };
  const me = await fetch(`${apiUrl}/v1/me`, { headers });
  if (!me.ok) throw new Error(`Seeding the citizen's profile failed: HTTP ${me.status} ${await me.text()}`);
  const response = await fetch(`${apiUrl}/v1/me/announcement-subscription`, {
    method: "PUT",
    headers,
    body: JSON.stringify({ subscribed: true }),
  });
  if (!response.ok) throw new Error(`Seeding the announcement opt-in failed: HTTP ${response.status} ${await response.text()}`);
}
