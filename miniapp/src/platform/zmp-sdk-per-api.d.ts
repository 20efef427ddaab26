// zmp-sdk ships its per-API ESM files without type declarations; their exports are the ones `zmp-sdk/apis` re-exports.
declare module "zmp-sdk/apis/apis/getAccessToken.js" {
  export { getAccessToken } from "zmp-sdk/apis";
}
declare module "zmp-sdk/apis/apis/getRouteParams.js" {
  export { getRouteParams } from "zmp-sdk/apis";
}
declare module "zmp-sdk/apis/apis/events.js" {
  export { events } from "zmp-sdk/apis";
}
declare module "zmp-sdk/apis/types/enum.js" {
  export { Events } from "zmp-sdk/apis";
}
