import type { AgencyNames } from "./agency-names";
import "./agency-label.css";

/** An agency by its name, its code on a small second line for the desk that needs it (nothing twice when unnamed). */
export function AgencyLabel({ code, names }: { code: string; names: AgencyNames }) {
  return (
    <span className="agency-label" data-testid="agency-label">
      <span className="agency-name">{names.nameOf(code)}</span>
      {names.isNamed(code) ? <span className="agency-code">{code}</span> : null}
    </span>
  );
}
