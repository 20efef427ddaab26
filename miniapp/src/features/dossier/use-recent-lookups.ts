import { useSyncExternalStore } from "react";
import { readRecentLookups, subscribeRecentLookups, type RecentLookup } from "./recent-lookups";

export function useRecentLookups(): RecentLookup[] {
  return useSyncExternalStore(subscribeRecentLookups, readRecentLookups);
}
