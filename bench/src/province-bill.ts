import { functionCatalogue } from "@motcua/infra/function-catalogue";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { fmt } from "./load.js";

/** Request units of one operation as the cost bench measured them (ReturnConsumedCapacity, indexes included). */
export interface Units {
  wcu: number;
  rcu: number;
}

export interface MeasuredUnits {
  ingestEvent: Units;
  message: Units;
  /** Outbox items the ingest of one dossier's events wrote (status messages and the invitation to rate). */
  messagesPerDossier: number;
  lookup: Units;
  rating: Units;
  /** One follower's announcement message: its share of the announcement and fan-out pages, its outbox item, its sending. */
  announcementMessage: Units;
  /**
   * Bytes a dossier keeps in the table after a year with all its items and index copies (100 B of overhead each),
   * unrated; an item with a TTL (a sent message) counts for the share of the year it stays.
   */
  storedBytesPerDossier: number;
  /** Bytes a rating adds (the rating with its index copies, the month's agency list). */
  storedBytesPerRating: number;
  /** Bytes an announcement keeps per recipient at the end of a year (its outbox item for the share of the year it stays). */
  storedBytesPerAnnouncementMessage: number;
  /**
   * CPU milliseconds per invocation on one full core (bench/src/lambda-memory.bench.ts) of the functions that serve
   * the citizen calls, the events and the messages; without them every invocation is billed the assumed seconds.
   */
  lambdaCpuMs?: { api: number; ingest: number; notify: number };
}

/** The province of docs/scale.md: its numbers, assumptions and prices, in one place. */
export const province = {
  dossiersPerYear: 500_000,
  eventsPerDossier: 5,
  lookupsPerDossier: 10,
  /** Assumption (scale.md is silent): one dossier in five is rated. */
  ratedShare: 0.2,
  /** scale.md: as many other citizen calls (me, feedback, lists) as lookups; on paper 1 WRU + 1 RRU each, not metered. */
  otherCitizenCallsPerYear: 5_000_000,
  otherCitizenCall: { wcu: 1, rcu: 1 },
  followers: 300_000,
  announcementsPerYear: 12,
  /** Announcement messages go out in stream batches of 25 (infra: outboxStreamSettings). */
  announcementBatch: 25,
  /**
   * scale.md: 100 ms per invocation at 512 MB. With measured CPU, that is split into computing (CPU time × the
   * 1,769 MB that make a full vCPU ÷ 512 MB) and waiting on DynamoDB and Zalo (the rest); at another memory the
   * computing stretches or shrinks in proportion and the waiting does not. Each function's memory is the
   * catalogue's (infra/src/function-catalogue.ts).
   */
  lambda: { referenceMemoryMb: 512, averageSeconds: 0.1, fullVcpuMemoryMb: 1769, scheduledPerYear: 9_365 },
  /** One secret holds every secret setting (infra/src/stacks/data-stack.ts); a cold start reads it once: 50,000 cold starts a month. */
  secrets: { count: 1, coldStartReadsPerMonth: 50_000 },
  prices: {
    perMillionWru: 0.71,
    perMillionRru: 0.14,
    storagePerGbMonth: 0.285,
    pitrPerGbMonth: 0.23,
    lambdaPerGbSecond: 0.0000133,
    lambdaPerMillionRequests: 0.2,
    /** scale.md gives $1.00–1.30 per million: the upper end. */
    httpApiPerMillionRequests: 1.3,
    secretPerMonth: 0.4,
    secretsPer10kCalls: 0.05,
  },
  target: 10,
} as const;

export interface MonthlyBill {
  parts: { name: string; usd: number; detail: string }[];
  total: number;
}

/** The province's monthly AWS bill (ap-southeast-1 list prices, no free tier) from the measured request units. */
export function monthlyBill(measured: MeasuredUnits, p: typeof province = province): MonthlyBill {
  const perMonth = (perYear: number) => perYear / 12;
  const events = perMonth(p.dossiersPerYear * p.eventsPerDossier);
  const messages = perMonth(p.dossiersPerYear * measured.messagesPerDossier);
  const lookups = perMonth(p.dossiersPerYear * p.lookupsPerDossier);
  const ratings = perMonth(p.dossiersPerYear * p.ratedShare);
  const otherCalls = perMonth(p.otherCitizenCallsPerYear);
  const announcementMessages = perMonth(p.followers * p.announcementsPerYear);
  const requestUnits = (unit: "wcu" | "rcu") =>
    events * measured.ingestEvent[unit] +
    messages * measured.message[unit] +
    lookups * measured.lookup[unit] +
    ratings * measured.rating[unit] +
    otherCalls * p.otherCitizenCall[unit] +
    announcementMessages * measured.announcementMessage[unit];
  const wru = requestUnits("wcu");
  const rru = requestUnits("rcu");
  // Storage at the end of the first year (it grows by as much each year unless the province sets a retention).
  const storedGb =
    (p.dossiersPerYear * (measured.storedBytesPerDossier + p.ratedShare * measured.storedBytesPerRating) +
      p.followers * p.announcementsPerYear * measured.storedBytesPerAnnouncementMessage) /
    1024 ** 3;
  const apiCalls = lookups + ratings + otherCalls;
  const notifyInvocations = messages + announcementMessages / p.announcementBatch;
  const scheduled = perMonth(p.lambda.scheduledPerYear);
  const invocations = apiCalls + events + notifyInvocations + scheduled;
  const gbSecondsEach = (memoryMb: number, cpuMs: number | undefined) => {
    const computing = (atMb: number) => ((cpuMs ?? 0) / 1000) * (p.lambda.fullVcpuMemoryMb / atMb);
    const waiting = p.lambda.averageSeconds - computing(p.lambda.referenceMemoryMb);
    return (memoryMb / 1024) * (computing(memoryMb) + Math.max(0, waiting));
  };
  const gbSeconds =
    apiCalls * gbSecondsEach(functionCatalogue.api.memoryMb, measured.lambdaCpuMs?.api) +
    events * gbSecondsEach(functionCatalogue.ingest.memoryMb, measured.lambdaCpuMs?.ingest) +
    notifyInvocations * gbSecondsEach(functionCatalogue.notify.memoryMb, measured.lambdaCpuMs?.notify) +
    scheduled * gbSecondsEach(p.lambda.referenceMemoryMb, undefined);
  const httpRequests = apiCalls + events;
  const parts = [
    {
      name: "DynamoDB requests",
      usd: (wru / 1e6) * p.prices.perMillionWru + (rru / 1e6) * p.prices.perMillionRru,
      detail: `${fmt(wru / 1e6, 2)} M WRU + ${fmt(rru / 1e6, 2)} M RRU`,
    },
    {
      name: "DynamoDB storage + PITR",
      usd: storedGb * (p.prices.storagePerGbMonth + p.prices.pitrPerGbMonth),
      detail: `${fmt(storedGb, 2)} GB after a year`,
    },
    {
      name: "Lambda",
      usd: gbSeconds * p.prices.lambdaPerGbSecond + (invocations / 1e6) * p.prices.lambdaPerMillionRequests,
      detail: `${fmt(invocations / 1e6, 2)} M invocations, ${fmt(gbSeconds / 1000, 0)} k GB-s; api ${functionCatalogue.api.memoryMb} MB, ingest ${functionCatalogue.ingest.memoryMb} MB, notify ${functionCatalogue.notify.memoryMb} MB${measured.lambdaCpuMs ? ", measured CPU" : ", 100 ms each"}`,
    },
    { name: "HTTP API", usd: (httpRequests / 1e6) * p.prices.httpApiPerMillionRequests, detail: `${fmt(httpRequests / 1e6, 2)} M requests` },
    {
      name: "Secrets Manager",
      usd: p.secrets.count * p.prices.secretPerMonth + (p.secrets.coldStartReadsPerMonth / 10_000) * p.prices.secretsPer10kCalls,
      detail: `${p.secrets.count} secret${p.secrets.count === 1 ? "" : "s"}, ${fmt(p.secrets.coldStartReadsPerMonth / 1000, 0)} k reads`,
    },
  ];
  return { parts, total: parts.reduce((sum, part) => sum + part.usd, 0) };
}

export function monthlyBillLines(measured: MeasuredUnits): BenchLine[] {
  const bill = monthlyBill(measured);
  return [
    ...bill.parts.map((part) => ({ name: `monthly bill: ${part.name}`, value: `$${fmt(part.usd, 2)} (${part.detail})` })),
    {
      name: "monthly AWS bill, docs/scale.md province, from the measured units",
      value: `$${fmt(bill.total, 2)} a month (DynamoDB, Lambda, HTTP API, Secrets Manager; CloudWatch and S3 not included)`,
      target: `≤ ${province.target} USD`,
    },
  ];
}
