/**
 * Readers for env values: each turns one setting's text into its value, or says in words what is wrong with it.
 * Configuration is read at every cold start before anything else, so these are plain functions: building and
 * running zod schemas for some 80 settings cost a Lambda about 16 ms of CPU per cold start (docs/benchmarks.md),
 * these well under one.
 */

/** A setting's value, or what is wrong with its text. */
export type Reading<T> = { value: T } | { problem: string };

/** Reads the text of a setting that is set. */
export type TextReader<T> = (text: string) => Reading<T>;

/** One setting: whether it may be left out, and how its env value (undefined when not set) is read. */
export interface Setting<T> {
  readonly required: boolean;
  read(raw: string | undefined): Reading<T>;
}

export type SettingValue<S> = S extends Setting<infer T> ? T : never;

const problem = (message: string): { problem: string } => ({ problem: message });

export function required<T>(reader: TextReader<T>): Setting<T> {
  return { required: true, read: (raw) => (raw === undefined ? problem("is required") : reader(raw)) };
}

/** The default is what the setting holds when it is not set; a value that is set is read as any other. */
export function withDefault<T>(fallback: T, reader: TextReader<T>): Setting<T> {
  return { required: false, read: (raw) => (raw === undefined ? { value: fallback } : reader(raw)) };
}

/** A setting that may be left out: undefined then. */
export function optional<T>(reader: TextReader<T>): Setting<T | undefined> {
  return withDefault<T | undefined>(undefined, reader);
}

/** Text of at least `minLength` characters (and matching `pattern`, described in words, when given). */
export function text(minLength = 1, pattern?: { regex: RegExp; description: string }): TextReader<string> {
  return (value) => {
    if (value.length < minLength) return problem(minLength === 1 ? "must not be empty" : `must be at least ${minLength} characters`);
    if (pattern && !pattern.regex.test(value)) return problem(`must be ${pattern.description}`);
    return { value };
  };
}

/**
 * A whole number in [min, max] (max optional), written in decimal digits. A blank value is refused rather than
 * read as 0 (`X=` in an env file is a slip, not a zero).
 */
export function wholeNumber(min: number, max?: number): TextReader<number> {
  const range = max === undefined ? `a whole number, at least ${min}` : `a whole number from ${min} to ${max}`;
  return (value) => {
    const trimmed = value.trim();
    const number = Number(trimmed);
    if (!/^[+-]?\d+$/u.test(trimmed) || number < min || (max !== undefined && number > max)) return problem(`must be ${range}, not "${value}"`);
    return { value: number };
  };
}

/** A number above 0 and at most `max`, fractions allowed (`1.5`). */
export function positiveNumberUpTo(max: number): TextReader<number> {
  return (value) => {
    const trimmed = value.trim();
    const number = Number(trimmed);
    if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/u.test(trimmed) || !(number > 0) || number > max) return problem(`must be a number above 0 and at most ${max}, not "${value}"`);
    return { value: number };
  };
}

export function oneOf<const T extends readonly string[]>(values: T): TextReader<T[number]> {
  return (value) =>
    (values as readonly string[]).includes(value)
      ? { value: value as T[number] }
      : problem(`must be one of ${values.map((v) => JSON.stringify(v)).join("|")}, not ${JSON.stringify(value)}`);
}

export const flag: TextReader<boolean> = (value) =>
  value === "true" || value === "false" ? { value: value === "true" } : problem(`must be "true" or "false", not ${JSON.stringify(value)}`);

/** An absolute URL (`https://graph.zalo.me`), kept as written. */
export const url: TextReader<string> = (value) => {
  try {
    new URL(value);
    return { value };
  } catch {
    return problem(`must be an absolute URL such as https://example.org, not ${JSON.stringify(value)}`);
  }
};

/** `a, b,c`: the non-empty items, trimmed. */
export function commaList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** A comma-separated list of `min`–`max` items, each read by `item`. */
export function listOf<T>(item: TextReader<T>, count: { min: number; max?: number } = { min: 0 }): TextReader<T[]> {
  return (value) => {
    const items = commaList(value);
    if (items.length < count.min) return problem(`must list at least ${count.min} comma-separated value${count.min === 1 ? "" : "s"}`);
    if (count.max !== undefined && items.length > count.max) return problem(`must list at most ${count.max} comma-separated values, not ${items.length}`);
    const values: T[] = [];
    for (const [index, text] of items.entries()) {
      const reading = item(text);
      if ("problem" in reading) return problem(`item ${index + 1} ${reading.problem}`);
      values.push(reading.value);
    }
    return { value: values };
  };
}

/** A calendar day, `YYYY-MM-DD`, that exists (`2026-02-29` does not). */
export const isoDate: TextReader<string> = (value) => {
  const day = /^\d{4}-\d{2}-\d{2}$/u.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  return day && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)
    ? { value }
    : problem(`must be a day written YYYY-MM-DD, not ${JSON.stringify(value)}`);
};

/**
 * Reads every setting of `settings` from `env`; `skip` names settings left out entirely (neither required nor read).
 * Returns the values, or one line per bad setting (`NAME: what is wrong`).
 */
export function readSettings<S extends Record<string, Setting<unknown>>>(
  settings: S,
  env: Partial<Record<string, string | undefined>>,
  skip: ReadonlySet<string> = new Set(),
): { values: { [K in keyof S]: SettingValue<S[K]> } } | { problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, setting] of Object.entries(settings)) {
    if (skip.has(name)) continue;
    const reading = setting.read(env[name]);
    if ("problem" in reading) problems.push(`${name}: ${reading.problem}`);
    else values[name] = reading.value;
  }
  return problems.length > 0 ? { problems } : { values: values as { [K in keyof S]: SettingValue<S[K]> } };
}
