/**
 * What the Zalo app itself gives a Mini App's page, as zmp-sdk 2.51.6 reads it (apis/common/call/zaloNative.js,
 * apis/common/token.js): `window.ZaloJavaScriptInterface.jsCall(jsToken, action, accessToken, params, callback)`,
 * answered by calling back `window.onNativeMessage(serialId, action)` with a JSON result, and `window.ZJSBridge`.
 * `JUMP_LOGIN` (sent as `action.jump.login`) hands out the OAuth cookies; zmp-sdk then trades the `zoauth` code (with the `zoauth_vrf` verifier)
 * for the user's access token at https://h5.zalo.me/openapi/access_token, over the network as in Zalo.
 * Other actions answer success with no data. The native side answers on the next task: its own time is not modelled.
 */
export function zaloNativeBridgeScript({ authorizationCode, codeVerifier }: { authorizationCode: string; codeVerifier: string }): string {
  const jumpLogin = {
    miniProgramConfig: { canUseAccessTokenByDefault: true, userAuthorized: true },
    cookiesOAuthLogins: [
      { name: "h5.zdn.vn_zoauth", value: authorizationCode },
      { name: "h5.zdn.vn_zoauth_vrf", value: codeVerifier },
      { name: "h5.zdn.vn_zlink3rd", value: "bench-js-token" },
    ],
  };
  return `(() => {
    const jumpLogin = ${JSON.stringify(jumpLogin)};
    window.nativeCalls = [];
    window.ZJSBridge = { setJSToken() {}, setZAccSession() {} };
    window.ZaloJavaScriptInterface = {
      jsCall(jsToken, action, accessToken, params, callback) {
        window.nativeCalls.push({ action, at: performance.now() });
        const data = action === "action.jump.login" ? jumpLogin : {};
        const result = JSON.stringify({ error_code: 0, error_message: "", action, data });
        setTimeout(() => (0, eval)(callback)(result), 0);
      },
      jsH5EventCallback() {},
    };
  })();`;
}

/** A Zalo Android WebView's user agent: zmp-sdk calls the native bridge only on a mobile Zalo client. */
export const zaloAndroidUserAgent =
  "Mozilla/5.0 (Linux; Android 13; SM-A145F Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Zalo android/12100657 ZaloTheme/light ZaloLanguage/vi";
