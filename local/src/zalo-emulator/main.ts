import { startZaloEmulator } from "./server.js";

// Dev defaults only: this process never talks to the real Zalo, so these are not secrets.
const env = process.env;
const emulator = await startZaloEmulator({
  port: Number(env.ZALO_EMULATOR_PORT ?? 8788),
  host: env.ZALO_EMULATOR_HOST ?? "127.0.0.1",
  appId: env.ZALO_APP_ID ?? "1000000000000000001",
  appSecret: env.ZALO_APP_SECRET ?? "dev-app-secret",
  oaId: env.ZALO_OA_ID ?? "2000000000000000002",
  oaSecretKey: env.ZALO_OA_SECRET_KEY ?? "dev-oa-secret-key",
  oaRefreshToken: env.ZALO_OA_REFRESH_TOKEN ?? "dev-oa-refresh-token",
});
console.log(`Zalo emulator listening on ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
