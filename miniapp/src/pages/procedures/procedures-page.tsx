import { Link } from "react-router-dom";
import { vi } from "../../copy/vi";
import { ProcedureSearch } from "../../features/procedures";

export function ProceduresPage() {
  return (
    <ProcedureSearch
      noResultNextSteps={
        <Link className="motcua-button-link" to="/feedback/new">
          {vi.procedures.askStaff}
        </Link>
      }
    />
  );
}
