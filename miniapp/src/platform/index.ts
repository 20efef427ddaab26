export type { PlatformErrorKind, ZaloPlatform } from "./zalo-platform";
export { PlatformError } from "./zalo-platform";
export { PlatformProvider, usePlatform } from "./platform-context";

