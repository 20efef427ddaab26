import type { IngestEvent } from "./ingest-event.js";
import { seedAgencies, seedProcedures, type SeedAgency, type SeedProcedure } from "./seed-catalogue.js";
import { otherApplicants, seedCitizen, seedSecondCitizen } from "./seed-people.js";

export interface SeedDossier {
  code: string;
  scenario: ScenarioName;
  applicantName: string;
  applicantPhone: string;
  agency: SeedAgency;
  procedure: SeedProcedure;
  finalStatus: number;
  events: IngestEvent[];
}

export interface SeedData {
  dossiers: SeedDossier[];
  /** Every event of every dossier, oldest first, as a back-office system would push them. */
  events: IngestEvent[];
  /** The citizen's dossier the demo deep link opens: a full timeline with a supplement request. */
  demoDossierCode: string;
}

interface Step {
  status: number;
  /** Position in the processing window: 0 = received, 1 = due date. */
  at: number;
  note?: string;
  unit?: boolean;
  /** An apology moving the due date to this position of the original window. */
  apologyUntil?: number;
}

interface Scenario {
  steps: (procedure: SeedProcedure) => Step[];
  /** How long ago the dossier was received, as a position of its window (beyond the last step). */
  age: number;
}

const scenarios = {
  "submitted-online": { age: 0.1, steps: () => [{ status: 1, at: 0 }] },
  accepted: { age: 0.1, steps: () => [{ status: 2, at: 0 }] },
  "refused-at-intake": {
    age: 0.5,
    steps: () => [
      { status: 1, at: 0 },
      { status: 3, at: 0.1, note: "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đề nghị nộp tại cơ quan có thẩm quyền." },
    ],
  },
  processing: { age: 0.5, steps: () => [{ status: 2, at: 0 }, { status: 4, at: 0.1, unit: true }] },
  "processing-late": { age: 1.6, steps: () => [{ status: 2, at: 0 }, { status: 4, at: 0.1, unit: true }] },
  "supplement-requested": {
    age: 0.6,
    steps: (procedure) => [
      { status: 2, at: 0 },
      { status: 4, at: 0.1, unit: true },
      { status: 5, at: 0.4, note: procedure.supplementNote },
    ],
  },
  "financial-obligation": {
    age: 0.7,
    steps: () => [
      { status: 2, at: 0 },
      { status: 4, at: 0.1, unit: true },
      { status: 6, at: 0.5, note: "Đề nghị nộp lệ phí theo thông báo trước khi nhận kết quả." },
    ],
  },
  withdrawn: {
    age: 1.0,
    steps: () => [
      { status: 2, at: 0 },
      { status: 4, at: 0.2, unit: true },
      { status: 7, at: 0.4, note: "Công dân có đơn đề nghị rút hồ sơ." },
    ],
  },
  stopped: {
    age: 1.2,
    steps: () => [
      { status: 2, at: 0 },
      { status: 4, at: 0.2, unit: true },
      { status: 8, at: 0.6, note: "Dừng xử lý do công dân không bổ sung hồ sơ trong thời hạn quy định." },
    ],
  },
  "done-early": {
    age: 0.7,
    steps: () => [{ status: 2, at: 0 }, { status: 4, at: 0.1, unit: true }, { status: 9, at: 0.5 }],
  },
  "done-late": {
    age: 1.6,
    steps: () => [{ status: 2, at: 0 }, { status: 4, at: 0.1, unit: true }, { status: 9, at: 1.3 }],
  },
  "returned-early": {
    age: 1.5,
    steps: () => [{ status: 2, at: 0 }, { status: 4, at: 0.1, unit: true }, { status: 9, at: 0.6 }, { status: 10, at: 0.8 }],
  },
  "returned-on-time": {
    age: 2.0,
    steps: () => [{ status: 2, at: 0 }, { status: 4, at: 0.1, unit: true }, { status: 9, at: 0.97 }, { status: 10, at: 1.2 }],
  },
  "returned-late": {
    age: 2.5,
    steps: () => [{ status: 2, at: 0 }, { status: 4, at: 0.1, unit: true }, { status: 9, at: 1.4 }, { status: 10, at: 1.6 }],
  },
  "supplement-cycle": {
    age: 1.5,
    steps: (procedure) => [
      { status: 2, at: 0 },
      { status: 4, at: 0.05, unit: true },
      { status: 5, at: 0.3, note: procedure.supplementNote },
      { status: 4, at: 0.6, note: "Công dân đã bổ sung hồ sơ.", unit: true },
      { status: 9, at: 0.9 },
      { status: 10, at: 1.0 },
    ],
  },
  "apology-then-returned": {
    age: 2.2,
    steps: () => [
      { status: 2, at: 0 },
      { status: 4, at: 0.1, unit: true },
      { status: 4, at: 0.9, apologyUntil: 1.6, unit: true },
      { status: 9, at: 1.3 },
      { status: 10, at: 1.45 },
    ],
  },
  "apology-pending": {
    age: 1.2,
    steps: () => [
      { status: 2, at: 0 },
      { status: 4, at: 0.1, unit: true },
      { status: 4, at: 0.95, apologyUntil: 1.8, unit: true },
    ],
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;

const scenarioOrder = Object.keys(scenarios) as ScenarioName[];

/** Which of the first dossiers of a scenario belong to the two demo citizens. */
const citizenScenarios: ScenarioName[] = [
  "supplement-cycle",
  "supplement-requested",
  "processing-late",
  "apology-then-returned",
  "done-early",
  "accepted",
];
const secondCitizenScenarios: ScenarioName[] = ["returned-on-time", "processing"];

/** Indexes of dossiers whose receipt numbers come from older systems, not the official code form. */
const legacyCodes = new Map<number, (receivedAt: Date) => string>([
  [12, (receivedAt) => `03706/${vietnamParts(receivedAt).year}/07906`],
  [30, () => "1897C359"],
  [45, (receivedAt) => `01288/${vietnamParts(receivedAt).year}/02415`],
]);

export const seedDossierCount = 56;

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const vietnamOffsetMs = 7 * hourMs;

const apologyReasons = [
  "Hồ sơ cần lấy ý kiến của cơ quan liên quan nên chưa giải quyết kịp thời hạn.",
  "Cần xác minh thêm thông tin về nơi cư trú của người yêu cầu.",
];

/**
 * Builds the demo dossiers and their events. Everything is derived from `now`, so a given `now` always
 * gives the same data, and every event lies in the past.
 */
export function buildSeedData(now: Date): SeedData {
  const communes = seedAgencies.filter((agency) => agency.kind === "commune");
  const departments = seedAgencies.filter((agency) => agency.kind === "department");
  const sequences = new Map<string, number>();
  const usedCitizen = new Set<ScenarioName>();
  const usedSecond = new Set<ScenarioName>();
  const dossiers: SeedDossier[] = [];

  for (let index = 0; index < seedDossierCount; index++) {
    const scenarioName = scenarioOrder[index % scenarioOrder.length]!;
    const scenario: Scenario = scenarios[scenarioName];
    const procedure = seedProcedures[(index * 5 + Math.floor(index / scenarioOrder.length)) % seedProcedures.length]!;
    const agencies = procedure.agencyKind === "commune" ? communes : departments;
    const agency = agencies[index % agencies.length]!;

    let applicant: { name: string; phone: string };
    if (citizenScenarios.includes(scenarioName) && !usedCitizen.has(scenarioName)) {
      usedCitizen.add(scenarioName);
      applicant = seedCitizen;
    } else if (secondCitizenScenarios.includes(scenarioName) && !usedSecond.has(scenarioName)) {
      usedSecond.add(scenarioName);
      applicant = seedSecondCitizen;
    } else {
      applicant = otherApplicants[index % otherApplicants.length]!;
    }

    // The window is estimated in calendar days first, to choose a received date far enough back.
    const estimatedWindowMs = Math.ceil((procedure.workingDays * 7) / 5) * dayMs;
    const officeMinute = (index * 37) % 450; // 08:00–15:30, spread over the day
    let receivedAt = officeHoursOn(now.getTime() - scenario.age * estimatedWindowMs - dayMs * (index % 3), officeMinute);
    while (receivedAt.getTime() > now.getTime() - hourMs) receivedAt = officeHoursOn(receivedAt.getTime() - dayMs, officeMinute);
    const dueAt = addWorkingDays(receivedAt, procedure.workingDays);
    const windowMs = dueAt.getTime() - receivedAt.getTime();

    const code =
      legacyCodes.get(index)?.(receivedAt) ?? officialCode(agency.code, receivedAt, sequences);

    const latest = now.getTime() - 5 * 60 * 1000;
    const steps = scenario.steps(procedure);
    let previous = receivedAt.getTime();
    const events = steps.map((step, stepIndex): IngestEvent => {
      const wanted = duringOfficeHours(receivedAt.getTime() + step.at * windowMs);
      // Strictly increasing, and never in the future even when a short window is squeezed.
      const at =
        stepIndex === 0
          ? receivedAt.getTime()
          : Math.max(previous + 60_000, Math.min(wanted, latest - (steps.length - stepIndex) * 60_000));
      previous = at;
      const event: IngestEvent = {
        eventId: `seed:${code.replaceAll("/", "_")}:${stepIndex + 1}`,
        dossierCode: code,
        status: step.status,
        occurredAt: formatVietnamTime(new Date(at)),
      };
      if (stepIndex === 0) event.dossier = seedDossierDetails(agency, procedure, applicant, receivedAt, dueAt);
      if (step.note) event.note = step.note;
      if (step.unit) event.unitName = agency.processingUnit;
      if (step.apologyUntil !== undefined) {
        event.apology = {
          reason: apologyReasons[index % apologyReasons.length]!,
          newDueAt: formatVietnamTime(new Date(receivedAt.getTime() + step.apologyUntil * windowMs)),
        };
      }
      return event;
    });

    dossiers.push({
      code,
      scenario: scenarioName,
      applicantName: applicant.name,
      applicantPhone: applicant.phone,
      agency,
      procedure,
      finalStatus: steps.at(-1)!.status,
      events,
    });
  }

  const events = dossiers
    .flatMap((dossier) => dossier.events)
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const demo = dossiers.find(
    (dossier) => dossier.applicantPhone === seedCitizen.phone && dossier.scenario === "supplement-cycle",
  )!;
  return { dossiers, events, demoDossierCode: demo.code };
}

function officialCode(agencyCode: string, receivedAt: Date, sequences: Map<string, number>): string {
  const { year, month, day } = vietnamParts(receivedAt);
  const date = `${String(year).slice(2)}${pad(month)}${pad(day)}`;
  const key = `${agencyCode}-${date}`;
  const sequence = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, sequence);
  return `${key}-${String(sequence).padStart(4, "0")}`;
}

/** The given instant's Vietnamese working day (Mon–Fri, earlier if needed) at 08:00 plus `minute`. */
export function officeHoursOn(instantMs: number, minute: number): Date {
  const local = new Date(instantMs + vietnamOffsetMs);
  let dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  while ([0, 6].includes(new Date(dayStart).getUTCDay())) dayStart -= dayMs;
  return new Date(dayStart - vietnamOffsetMs + 8 * hourMs + minute * 60_000);
}

/** Moves an instant into 07:30–17:00 of a weekday in Vietnam (earlier when it falls outside), as desks work. */
function duringOfficeHours(instantMs: number): number {
  const local = instantMs + vietnamOffsetMs;
  let dayStart = Math.floor(local / dayMs) * dayMs;
  let minute = Math.floor((local - dayStart) / 60_000);
  if (minute < 7 * 60 + 30) {
    dayStart -= dayMs;
    minute = 16 * 60 + (minute % 60);
  } else if (minute >= 17 * 60) {
    minute = 16 * 60 + (minute % 60);
  }
  while ([0, 6].includes(new Date(dayStart).getUTCDay())) dayStart -= dayMs;
  return dayStart + minute * 60_000 - vietnamOffsetMs;
}

export function addWorkingDays(start: Date, workingDays: number): Date {
  let instant = start.getTime();
  let added = 0;
  while (added < workingDays) {
    instant += dayMs;
    const weekday = new Date(instant + vietnamOffsetMs).getUTCDay();
    if (weekday !== 0 && weekday !== 6) added++;
  }
  return new Date(instant);
}

function vietnamParts(instant: Date): { year: number; month: number; day: number } {
  const local = new Date(instant.getTime() + vietnamOffsetMs);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** ISO 8601 with Vietnam's offset, to the minute: `2026-05-12T08:15:00+07:00`. */
/** The details a seeded dossier's first event carries. */
export function seedDossierDetails(
  agency: Pick<SeedAgency, "code" | "name">,
  procedure: Pick<SeedProcedure, "code" | "name">,
  applicant: { name: string; phone: string },
  receivedAt: Date,
  dueAt: Date,
): NonNullable<IngestEvent["dossier"]> {
  return {
    agencyCode: agency.code,
    agencyName: agency.name,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    applicantName: applicant.name,
    applicantPhone: applicant.phone,
    receivedAt: formatVietnamTime(receivedAt),
    dueAt: formatVietnamTime(dueAt),
  };
}

export function formatVietnamTime(instant: Date): string {
  const local = new Date(Math.floor(instant.getTime() / 60_000) * 60_000 + vietnamOffsetMs);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
