import { Link } from "react-router-dom";
import { routePaths } from "../../app/route-paths";
import { vi } from "../../copy/vi";
import { ProcedureSearch } from "../../features/procedures";

export function ProceduresPage() {
  return (
    <ProcedureSearch
      noResultNextSteps={
        <Link className="motcua-button-link" to={routePaths.feedbackNew}>
          {vi.procedures.askStaff}
        </Link>
      }
    />
  );
}
