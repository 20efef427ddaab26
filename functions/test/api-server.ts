/** The local stack's API server (HTTP → API Gateway v2 events → the real handlers), for tests that need a URL. */
export { startApiServer } from "../../local/src/api-server/start-api-server.js";
