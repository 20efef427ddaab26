import { buildHttpHandlers } from "@motcua/functions/composition/http-handlers";
import { loadConfig } from "@motcua/functions/config/config";
import { httpRoutes } from "@motcua/functions/handlers/routes";
import { startApiServer } from "@motcua/local/api-server/start-api-server";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { meteredDynamoDbClient } from "./dynamodb-meter.js";

/**
 * A second API server on the running stack's table whose handlers share one metered DynamoDB client, so a bench
 * can count the requests and capacity of exactly the calls it makes. `close` stops the server and the client.
 */
export async function startMeteredApiServer(info: StackInfo) {
  const meter = meteredDynamoDbClient(info.dynamodbEndpoint, info.region);
  const api = await startApiServer({
    port: 0,
    host: "127.0.0.1",
    handlers: buildHttpHandlers(loadConfig(info.env), { dynamoDbClient: meter.client }),
    routes: httpRoutes,
    log: () => {},
  });
  return {
    meter,
    url: api.url,
    async close() {
      await api.close();
      meter.destroy();
    },
  };
}
