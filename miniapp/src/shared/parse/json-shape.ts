// Small checks for API answers: a wrong shape throws, and the API client turns that into a clear error.
export type Json = Record<string, unknown>;

export function object(value: unknown, at: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`${at}: object expected`);
  return value as Json;
}
export function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${at}: array expected`);
  return value;
}
export function string(value: unknown, at: string): string {
  if (typeof value !== "string") throw new TypeError(`${at}: string expected`);
  return value;
}
export function nullableString(value: unknown, at: string): string | null {
  return value === null || value === undefined ? null : string(value, at);
}
export function number(value: unknown, at: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${at}: number expected`);
  return value;
}
export function boolean(value: unknown, at: string): boolean {
  if (typeof value !== "boolean") throw new TypeError(`${at}: boolean expected`);
  return value;
}
export function nullableBoolean(value: unknown, at: string): boolean | null {
  return value === null || value === undefined ? null : boolean(value, at);
}
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
  if (!allowed.includes(value as T)) throw new TypeError(`${at}: one of ${allowed.join(", ")} expected`);
  return value as T;
}
