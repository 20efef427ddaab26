/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_URL?: string;
  readonly VITE_ZALO_EMULATOR_URL?: string;
  readonly VITE_PLATFORM?: string;
  readonly VITE_MINI_APP_ID?: string;
  readonly VITE_ZALO_OA_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

interface Window {
  /** Set by the Zalo host when the app runs inside Zalo. */
  APP_ID?: string;
}
