const localForm = /^0(\d{9})$/;
const internationalForm = /^\+?84(\d{9})$/;

/** Accepts 0xxxxxxxxx, 84xxxxxxxxx and +84xxxxxxxxx; returns the 84… form Zalo uses, or undefined. */
export function normalisePhoneNumber(input: string): string | undefined {
  const match = localForm.exec(input) ?? internationalForm.exec(input);
  return match ? `84${match[1]}` : undefined;
}
