import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

let configured = false;

/**
 * Validation messages in English for the whole process (zod's mini API carries no messages of its own): the API's
 * errors quote them to the province's developers ("occurredAt: Invalid input: expected string, received number").
 * Called once, when configuration is loaded, before anything is parsed with zod.
 */
export function useEnglishValidationMessages(): void {
  if (configured) return;
  z.config(en());
  configured = true;
}
