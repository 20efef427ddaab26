/**
 * The part of Lambda's event-filter pattern language our stream triggers use: exact values (a list means any of
 * them), `{prefix}`, `{exists}`, and nested objects. A record matches a pattern when every field of the pattern
 * matches; it passes a filter list when it matches any pattern (as Lambda ORs the filters of a mapping).
 */
type Rule = string | number | boolean | { prefix: string } | { exists: boolean };
export interface FilterPattern {
  readonly [field: string]: FilterPattern | readonly Rule[];
}

export function passesEventFilters(record: unknown, patterns: readonly FilterPattern[]): boolean {
  return patterns.some((pattern) => matches(record, pattern));
}

function matches(value: unknown, pattern: FilterPattern): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = isObject(value) ? value[field] : undefined;
    if (Array.isArray(expected)) return (expected as readonly Rule[]).some((rule) => matchesRule(actual, rule));
    return matches(actual, expected as FilterPattern);
  });
}

function matchesRule(actual: unknown, rule: Rule): boolean {
  if (typeof rule !== "object") return actual === rule;
  if ("exists" in rule) return rule.exists ? isPrimitive(actual) : actual === undefined;
  if ("prefix" in rule) return typeof actual === "string" && actual.startsWith(rule.prefix);
  throw new Error(`Unsupported filter rule ${JSON.stringify(rule)}`);
}

/** `exists: true` matches only a leaf value (string, number, boolean, null), as Lambda's does. */
function isPrimitive(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
