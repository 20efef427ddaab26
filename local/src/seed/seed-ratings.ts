import type { RatingInput, SatisfactionLevel } from "@motcua/functions/domain/rating";
import type { IngestEvent } from "./ingest-event.js";
import { seedAgencies, seedProcedures } from "./seed-catalogue.js";
import { addWorkingDays, formatVietnamTime, officeHoursOn, seedDossierDetails } from "./seed-data.js";
import { otherApplicants } from "./seed-people.js";

export interface SeedRating {
  code: string;
  rating: RatingInput;
  /** When the citizen rated it (after the dossier's result). */
  at: Date;
}

export interface SeedRatingHistory {
  /** Dossiers of the last months, returned to the citizen, for the ratings dashboard. */
  events: IngestEvent[];
  ratings: SeedRating[];
}

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const vietnamOffsetMs = 7 * hourMs;
export const ratingHistoryMonths = 4;

/** Where the result came, as a share of the processing window: mostly early, some on the due day, some late. */
const finishShares = [0.5, 0.8, 1, 1.4, 0.3, 0.6];
const comments = [
  "Cán bộ hướng dẫn tận tình, dễ hiểu.",
  null,
  "Thủ tục nhanh gọn, nhận kết quả đúng hẹn.",
  null,
  'Cán bộ nói "để đó, tuần sau quay lại", phải đi lại hai lần.',
  null,
];

/**
 * Finished dossiers in each of the `ratingHistoryMonths` months before `now` (2–4 per agency and month) and
 * their ratings, so the ratings dashboard has a trend to show. Everything derives from `now`.
 */
export function buildSeedRatingHistory(now: Date): SeedRatingHistory {
  const events: IngestEvent[] = [];
  const ratings: SeedRating[] = [];
  const local = new Date(now.getTime() + vietnamOffsetMs);
  let serial = 0;
  for (let back = ratingHistoryMonths; back >= 1; back--) {
    const monthStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1) - vietnamOffsetMs;
    seedAgencies.forEach((agency, agencyIndex) => {
      const procedures = seedProcedures.filter((procedure) => procedure.agencyKind === agency.kind && procedure.workingDays <= 10);
      const count = 2 + ((back + agencyIndex) % 3);
      for (let n = 0; n < count; n++) {
        serial += 1;
        const procedure = procedures[(serial + n) % procedures.length]!;
        const applicant = otherApplicants[serial % otherApplicants.length]!;
        const receivedAt = officeHoursOn(monthStart + (2 + n * 6) * dayMs + 12 * hourMs, (serial * 41) % 420);
        const dueAt = addWorkingDays(receivedAt, procedure.workingDays);
        const share = finishShares[serial % finishShares.length]!;
        const finishedAt = share === 1 ? new Date(dueAt.getTime() - 2 * hourMs) : new Date(receivedAt.getTime() + share * (dueAt.getTime() - receivedAt.getTime()));
        const late = share > 1;
        const day = formatVietnamTime(receivedAt).slice(2, 10).replaceAll("-", "");
        const code = `${agency.code}-${day}-${String(800 + serial).padStart(4, "0")}`;
        const steps: [number, Date][] = [
          [2, receivedAt],
          [4, new Date(receivedAt.getTime() + hourMs)],
          [9, finishedAt],
          [10, new Date(finishedAt.getTime() + dayMs)],
        ];
        steps.forEach(([status, at], index) => {
          const event: IngestEvent = { eventId: `seed-history:${code}:${index + 1}`, dossierCode: code, status, occurredAt: formatVietnamTime(at) };
          if (index === 0) event.dossier = seedDossierDetails(agency, procedure, applicant, receivedAt, dueAt);
          if (status === 4) event.unitName = agency.processingUnit;
          events.push(event);
        });
        ratings.push({ code, rating: ratingFor(serial, late), at: new Date(finishedAt.getTime() + dayMs + 3 * hourMs) });
      }
    });
  }
  return { events: events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)), ratings };
}

function ratingFor(serial: number, late: boolean): RatingInput {
  const pick = (levels: SatisfactionLevel[]) => levels[serial % levels.length]!;
  const attitude = pick(["rat_hai_long", "hai_long", "rat_hai_long", "hai_long", "khong_hai_long", "rat_hai_long", "hai_long"]);
  const result = late ? pick(["khong_hai_long", "hai_long"]) : pick(["rat_hai_long", "hai_long", "rat_hai_long"]);
  const overall = attitude === "khong_hai_long" || result === "khong_hai_long" ? "khong_hai_long" : pick(["rat_hai_long", "hai_long"]);
  const dissatisfied = [attitude, result, overall].includes("khong_hai_long");
  return {
    attitude,
    result,
    overall,
    reason: dissatisfied ? (late ? "Trả kết quả chậm so với ngày hẹn" : "Thái độ cán bộ chưa tốt") : null,
    comment: comments[serial % comments.length] ?? null,
  };
}
