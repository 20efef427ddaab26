/** Fields of a structured log line: ids, counts, kinds; never personal data (phones, names, tokens, Zalo ids, dossier codes). */
export type LogFields = Record<string, unknown>;

/** Structured logs, one JSON line each, with the function and request they come from. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
