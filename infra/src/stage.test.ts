import { expect, it } from "vitest";
import { stageSettings } from "./stage.js";

const context = (values: Record<string, string>) => (key: string) => values[key];

it("defaults to a dev stage in ap-southeast-1 with the Mini App's origins", () => {
  const settings = stageSettings(context({}));
  expect(settings).toMatchObject({ stage: "dev", production: false, region: "ap-southeast-1" });
  expect(settings.corsOrigins).toEqual(["https://h5.zdn.vn", "zbrowser://h5.zdn.vn"]);
});

it("requires the Zalo ids for production instead of deploying placeholders", () => {
  expect(() => stageSettings(context({ stage: "prod", zaloAppId: "2", zaloOaId: "3" }))).toThrow(/context miniAppId is required for stage prod/);
  expect(() => stageSettings(context({ stage: "prod", miniAppId: "1", zaloOaId: "3" }))).toThrow(/context zaloAppId is required/);
  expect(() => stageSettings(context({ stage: "prod", miniAppId: "1", zaloAppId: "2" }))).toThrow(/context zaloOaId is required/);
  expect(stageSettings(context({ stage: "prod", miniAppId: "1", zaloAppId: "2", zaloOaId: "3" }))).toMatchObject({
    production: true,
    miniAppId: "1",
    zaloOaId: "3",
  });
});

it("refuses a stage name that cannot name stacks and secrets", () => {
  expect(() => stageSettings(context({ stage: "Prod 2" }))).toThrow(/context stage/);
});
