import { useMemo } from "react";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { fetchAgencyChoices, type AgencyChoice } from "./agencies-api";
import { agencyNames, type AgencyNames } from "./agency-names";

/**
 * The agencies the staff member may pick, with their names. Until they arrive (or if they cannot be read) the
 * screens show codes, as before: a name is a help, never a reason to block a desk.
 */
export function useAgencyNames(): { choices: AgencyChoice[]; names: AgencyNames; loaded: boolean } {
  const { state } = useApiLoad(fetchAgencyChoices, "agencies");
  const choices = useMemo(() => (state.status === "loaded" ? state.data : []), [state]);
  const names = useMemo(() => agencyNames(choices), [choices]);
  return { choices, names, loaded: state.status !== "loading" };
}
