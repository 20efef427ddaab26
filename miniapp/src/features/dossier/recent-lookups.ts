// Dossiers looked up on this phone, newest first. The receipt signature is never stored.
export interface RecentLookup {
  code: string;
  procedureName: string;
  lookedUpAt: string;
}

export const RECENT_LOOKUPS_KEY = "motcua.recentLookups";
export const MAX_RECENT_LOOKUPS = 10;

const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cachedList: RecentLookup[] = [];

function isRecentLookup(value: unknown): value is RecentLookup {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Record<string, unknown>;
  return typeof item.code === "string" && typeof item.procedureName === "string" && typeof item.lookedUpAt === "string";
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(RECENT_LOOKUPS_KEY);
  } catch {
    return null;
  }
}

/** Stable between changes, as useSyncExternalStore requires. */
export function readRecentLookups(): RecentLookup[] {
  const raw = readRaw();
  if (raw === cachedRaw) return cachedList;
  cachedRaw = raw;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    cachedList = Array.isArray(parsed) ? parsed.filter(isRecentLookup).slice(0, MAX_RECENT_LOOKUPS) : [];
  } catch {
    cachedList = [];
  }
  return cachedList;
}

function write(list: RecentLookup[]): void {
  try {
    if (list.length === 0) window.localStorage.removeItem(RECENT_LOOKUPS_KEY);
    else window.localStorage.setItem(RECENT_LOOKUPS_KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the history is a convenience, the lookup itself worked.
  }
  listeners.forEach((listener) => listener());
}

export function addRecentLookup(lookup: Omit<RecentLookup, "lookedUpAt">, now: Date = new Date()): void {
  const rest = readRecentLookups().filter((item) => item.code !== lookup.code);
  write([{ code: lookup.code, procedureName: lookup.procedureName, lookedUpAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT_LOOKUPS));
}

export function clearRecentLookups(): void {
  write([]);
}

export function subscribeRecentLookups(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === RECENT_LOOKUPS_KEY || event.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}
