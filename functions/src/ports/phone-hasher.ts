/** Keyed hash of a normalised phone number: phones are indexed by it, never in the clear in keys. */
export interface PhoneHasher {
  hash(normalisedPhone: string): string;
}
