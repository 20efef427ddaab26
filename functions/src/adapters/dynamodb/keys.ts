const outboxKeyPrefix = "OUTBOX#";
const fanoutKeyPrefix = "FANOUT#";
const fanoutJobSortKey = "JOB";

/**
 * Every key of the one table, built here and nowhere else. The access patterns they serve are
 * listed in README.md beside this file.
 */
export const keys = {
  dossier: (code: string) => ({ PK: `DOSSIER#${code}`, SK: "DOSSIER" }),
  dossierCollection: (code: string) => `DOSSIER#${code}`,
  dossierEvent: (code: string, occurredAt: string, eventId: string) => ({
    PK: `DOSSIER#${code}`,
    SK: `EVENT#${occurredAt}#${eventId}`,
  }),
  /** GSI1: dossiers of a verified phone number, newest first. */
  dossierByPhone: (phoneHash: string, receivedAt: string, code: string) => ({
    GSI1PK: `PHONE#${phoneHash}`,
    GSI1SK: `DOSSIER#${receivedAt}#${code}`,
  }),
  phonePartition: (phoneHash: string) => `PHONE#${phoneHash}`,
  /** The separate marker of events applied before the event item kept the payload's hash: read, no longer written. */
  ingestMarker: (eventId: string) => ({ PK: `INGEST#${eventId}`, SK: "INGEST" }),
  outboxItem: (id: string) => ({ PK: `${outboxKeyPrefix}${id}`, SK: "OUTBOX" }),
  outboxKeyPrefix,
  /** GSI2: the delivery log of one dossier, oldest first. */
  outboxByDossier: (code: string, createdAt: string, id: string) => ({
    GSI2PK: `OUTBOX_DOSSIER#${code}`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  /** GSI1: outbox items waiting for a time (quiet hours) or held by a lease; the waker queries the due ones. */
  outboxWaiting: (at: string, id: string) => ({ GSI1PK: "OUTBOX_WAITING", GSI1SK: `${at}#${id}` }),
  outboxWaitingPartition: "OUTBOX_WAITING",
  /**
   * GSI1 (sparse): failed, undeliverable and unconfirmed outbox items, by the time they finished, for the delivery
   * log and its retry button. Set when the item finishes so, removed when staff send it again; `sent` is never here.
   */
  outboxByState: (state: string, finishedAt: string, id: string) => ({ GSI1PK: `OUTBOX_STATE#${state}`, GSI1SK: `${finishedAt}#${id}` }),
  outboxByStatePartition: (state: string) => `OUTBOX_STATE#${state}`,
  outboxByDossierPartition: (code: string) => `OUTBOX_DOSSIER#${code}`,
  /** Local dead-letter queue (AWS uses SQS); GSI2 lists them, newest last. */
  deadLetter: (outboxId: string) => ({ PK: `DEAD_LETTER#${outboxId}`, SK: "DEAD_LETTER" }),
  deadLetterList: (failedAt: string, outboxId: string) => ({ GSI2PK: "DEAD_LETTERS", GSI2SK: `${failedAt}#${outboxId}` }),
  oaToken: () => ({ PK: "OA_TOKEN", SK: "OA_TOKEN" }),
  /** The latest daily quota a send channel reported (`oa_template` or `zns`). */
  sendQuota: (channel: string) => ({ PK: `SEND_QUOTA#${channel}`, SK: "SEND_QUOTA" }),
  webhookMarker: (eventKey: string) => ({ PK: `WEBHOOK#${eventKey}`, SK: "WEBHOOK" }),
  /** A message the citizen sent to the OA (webhook `user_send_text`), in the citizen's collection. */
  citizenInboxMessage: (zaloAppUserId: string, at: string, msgId: string) => ({
    PK: `CITIZEN#${zaloAppUserId}`,
    SK: `INBOX#${at}#${msgId}`,
  }),
  citizen: (zaloAppUserId: string) => ({ PK: `CITIZEN#${zaloAppUserId}`, SK: "PROFILE" }),
  /** GSI1: the citizens who verified a phone share the phone's partition with its dossiers. */
  citizenByPhone: (phoneHash: string, zaloAppUserId: string) => ({
    GSI1PK: `PHONE#${phoneHash}`,
    GSI1SK: `CITIZEN#${zaloAppUserId}`,
  }),
  staffMember: (zaloAppUserId: string) => ({ PK: `STAFF#${zaloAppUserId}`, SK: "STAFF" }),
  /** GSI1: every staff member, by role. */
  staffList: (role: string, zaloAppUserId: string) => ({ GSI1PK: "STAFF", GSI1SK: `${role}#${zaloAppUserId}` }),
  staffListPartition: "STAFF",
  /**
   * One partition per Vietnam calendar day keeps an audit trail in time order; the staff's actions are a few
   * thousand a day.
   */
  auditEntry: (day: string, at: string, id: string) => ({ PK: `AUDIT#${day}`, SK: `${at}#${id}` }),
  /** The rating lives in its dossier's item collection: `DOSSIER` < `EVENT#…` < `RATING`. */
  rating: (code: string) => ({ PK: `DOSSIER#${code}`, SK: "RATING" }),
  /** GSI1: every rating in update order, for the one-stop system's pull (`GET /v1/ingest/ratings`). */
  ratingsFeed: (updatedAt: string, code: string) => ({ GSI1PK: "RATINGS_FEED", GSI1SK: `${updatedAt}#${code}` }),
  ratingsFeedPartition: "RATINGS_FEED",
  /** GSI2: ratings of an agency in a month (Vietnam calendar), for the staff reports. */
  ratingsByAgencyMonth: (agencyCode: string, month: string, ratedAt: string, code: string) => ({
    GSI2PK: `RATING#${agencyCode}#${month}`,
    GSI2SK: `${ratedAt}#${code}`,
  }),
  ratingsByAgencyMonthPartition: (agencyCode: string, month: string) => `RATING#${agencyCode}#${month}`,
  /** The agencies with ratings first given in a month, one item per month: the staff reports query only those. */
  ratingMonthAgencies: (month: string) => ({ PK: "RATING_MONTHS", SK: month }),
  ratingMonthsPartition: "RATING_MONTHS",
  feedbackThread: (id: string) => ({ PK: `FEEDBACK#${id}`, SK: "THREAD" }),
  feedbackCollection: (id: string) => `FEEDBACK#${id}`,
  feedbackMessage: (id: string, at: string, messageId: string) => ({ PK: `FEEDBACK#${id}`, SK: `MSG#${at}#${messageId}` }),
  /** GSI1: a citizen's threads, newest first. */
  feedbackByCitizen: (zaloAppUserId: string, createdAt: string, id: string) => ({
    GSI1PK: `CITIZEN#${zaloAppUserId}#FEEDBACK`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  feedbackByCitizenPartition: (zaloAppUserId: string) => `CITIZEN#${zaloAppUserId}#FEEDBACK`,
  /** GSI2: threads in a state, earliest reply deadline first (late ones on top), for the staff inbox. */
  feedbackByState: (state: string, replyDueAt: string, id: string) => ({
    GSI2PK: `FEEDBACK_STATE#${state}`,
    GSI2SK: `${replyDueAt}#${id}`,
  }),
  feedbackByStatePartition: (state: string) => `FEEDBACK_STATE#${state}`,
  announcement: (id: string) => ({ PK: `ANNOUNCEMENT#${id}`, SK: "ANNOUNCEMENT" }),
  /** GSI1: published announcements, newest first. */
  announcementsByTime: (publishedAt: string, id: string) => ({ GSI1PK: "ANNOUNCEMENTS", GSI1SK: `${publishedAt}#${id}` }),
  announcementsPartition: "ANNOUNCEMENTS",
  procedure: (code: string) => ({ PK: `PROCEDURE#${code}`, SK: "PROCEDURE" }),
  /** GSI1: the whole catalogue in one partition (a few thousand items), read into the search index. */
  procedureCatalogue: (code: string) => ({ GSI1PK: "PROCEDURES", GSI1SK: code }),
  procedureCataloguePartition: "PROCEDURES",
  /**
   * GSI2 (sparse): citizens who opted in to announcements AND follow the OA, written only while both hold
   * (opt-in/out and follow/unfollow keep it true); the announcement fan-out pages through it.
   */
  announcementSubscriber: (zaloAppUserId: string) => ({ GSI2PK: "ANNOUNCEMENT_SUBSCRIBERS", GSI2SK: zaloAppUserId }),
  announcementSubscribersPartition: "ANNOUNCEMENT_SUBSCRIBERS",
  /** The fan-out job of an announcement: cursor, counts, state; its MODIFY records drive the next page. */
  announcementFanout: (announcementId: string) => ({ PK: `${fanoutKeyPrefix}${announcementId}`, SK: fanoutJobSortKey }),
  /** Delivery counts of an announcement's messages (ADD in the notify function's final-state transaction). */
  announcementTally: (announcementId: string) => ({ PK: `${fanoutKeyPrefix}${announcementId}`, SK: "TALLY" }),
  fanoutKeyPrefix,
  fanoutJobSortKey,
  /**
   * GSI1 (sparse): a fan-out job while it runs, by the time it last advanced (or was nudged); removed when done.
   * The outbox waker finds jobs stalled past `fanoutStallMs` (a stream record that ran out of retries) here.
   */
  fanoutRunning: (since: string, announcementId: string) => ({ GSI1PK: "FANOUT_RUNNING", GSI1SK: `${since}#${announcementId}` }),
  fanoutRunningPartition: "FANOUT_RUNNING",
  rateLimitWindow: (scope: string, key: string, windowStart: number) => ({
    PK: `RATE#${scope}#${key}#${windowStart}`,
    SK: "RATE",
  }),
  /**
   * GSI2 (sparse): an open dossier whose clock runs, under the Vietnam day of its promised return date; the
   * late-dossier job reads the days that are over. Removed when the dossier finishes or is marked late.
   */
  dossierDueOn: (day: string, agencyCode: string, code: string) => ({ GSI2PK: `DUE#${day}`, GSI2SK: `${agencyCode}#${code}` }),
  dueOnPartition: (day: string) => `DUE#${day}`,
  /** GSI2 (sparse): an open dossier marked late, in its agency's list, earliest due date first. */
  lateDossierOfAgency: (agencyCode: string, dueAt: string, code: string) => ({
    GSI2PK: `LATE#${agencyCode}`,
    GSI2SK: `${dueAt}#${code}`,
  }),
  lateDossiersPartition: (agencyCode: string) => `LATE#${agencyCode}`,
  /**
   * What has been counted for a dossier in the reach report (viewed, notified, …), in its item collection after
   * the rating: the lookup's Query reads it with the dossier, so a repeated lookup knows it has nothing to count.
   */
  dossierReach: (code: string) => ({ PK: `DOSSIER#${code}`, SK: "REACH" }),
  /**
   * The reach counters of an agency in a month (Vietnam calendar, month of receipt), in a few shards so that
   * transactions of parallel ingests of one desk seldom meet on one item; the report adds the shards up.
   */
  reachCounter: (month: string, agencyCode: string, shard: number) => ({ PK: `REACH#${month}`, SK: `${agencyCode}#${shard}` }),
  reachMonthPartition: (month: string) => `REACH#${month}`,
  reachAgencyPrefix: (agencyCode: string) => `${agencyCode}#`,
  /** The last day a scheduled job finished (the late-dossier job catches up from it). */
  jobMark: (job: string) => ({ PK: `JOB#${job}`, SK: "JOB" }),
  /** A credential of the national sync dialect; GSI1 lists them for the admins. */
  syncCredential: (username: string) => ({ PK: `SYNC_CREDENTIAL#${username}`, SK: "SYNC_CREDENTIAL" }),
  syncCredentialList: (username: string) => ({ GSI1PK: "SYNC_CREDENTIALS", GSI1SK: username }),
  syncCredentialListPartition: "SYNC_CREDENTIALS",
  /** A dialect session, keyed by the SHA-256 of its token (the token itself is never stored); TTL on expiresAt. */
  syncSession: (tokenDigest: string) => ({ PK: `SYNC_SESSION#${tokenDigest}`, SK: "SYNC_SESSION" }),
  /** An agency's name as its dossiers last gave it, in one small partition that the staff screens read whole. */
  agency: (agencyCode: string) => ({ PK: "AGENCIES", SK: agencyCode }),
  agenciesPartition: "AGENCIES",
} as const;

export const itemTypes = {
  dossier: "Dossier",
  dossierEvent: "DossierEvent",
  ingestMarker: "IngestMarker",
  outboxItem: "OutboxItem",
  rateLimitWindow: "RateLimitWindow",
  citizen: "Citizen",
  staffMember: "StaffMember",
  auditEntry: "AuditEntry",
  deadLetter: "DeadLetter",
  oaToken: "OaToken",
  sendQuota: "SendQuota",
  webhookMarker: "WebhookMarker",
  citizenInboxMessage: "CitizenInboxMessage",
  rating: "Rating",
  ratingMonthAgencies: "RatingMonthAgencies",
  feedbackThread: "FeedbackThread",
  feedbackMessage: "FeedbackMessage",
  announcement: "Announcement",
  procedure: "Procedure",
  jobMark: "JobMark",
  announcementFanout: "AnnouncementFanout",
  announcementTally: "AnnouncementTally",
  syncCredential: "SyncCredential",
  syncSession: "SyncSession",
  dossierReach: "DossierReach",
  reachCounter: "ReachCounter",
  agency: "Agency",
} as const;
