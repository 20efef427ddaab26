import { ProcedureSearch } from "../../features/procedures";

export function ProceduresPage() {
  return <ProcedureSearch />;
}
