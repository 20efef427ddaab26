// The quota scenario runs the whole local pipeline (local/); the integration test and the benchmark share it.
export { runQuotaPriorityScenario, type QuotaPriorityResult } from "../../local/src/scenarios/quota-priority.js";
