/**
 * Scheduled (hourly in AWS): asks for the OA access token, which refreshes the pair when it expires within the
 * proactive window. On quiet days nothing else would, and Zalo's single-use refresh token must keep rotating.
 */
export function buildOaTokenRefreshHandler(deps: { currentOaToken: () => Promise<string> }) {
  return async (): Promise<{ ok: true }> => {
    await deps.currentOaToken();
    return { ok: true };
  };
}
