// What every start inside Zalo needs of zmp-sdk (the token, the link's params, re-open events), taken from the
// SDK's per-API files: about 17 kB gzip against about 60 kB for `zmp-sdk/apis`, which also calls login() when
// imported. The rest of the SDK loads when a citizen first scans, shares a phone number or follows the OA.
export { getAccessToken } from "zmp-sdk/apis/apis/getAccessToken.js";
export { getRouteParams } from "zmp-sdk/apis/apis/getRouteParams.js";
export { events } from "zmp-sdk/apis/apis/events.js";
export { Events as EventName } from "zmp-sdk/apis/types/enum.js";
