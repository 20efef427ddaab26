export { ProcedureSearch } from "./components/procedure-search";
