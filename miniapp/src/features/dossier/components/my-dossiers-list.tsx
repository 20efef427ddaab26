import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { Button, Spinner } from "zmp-ui";
import "./dossier.css";
import { vi } from "../../../copy/vi";
import { useApiClient } from "../../../shared/api/api-client-context";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { AppIcon } from "../../../shared/ui/icons";
import { dossierRoute } from "../dossier-link";
import { fetchMyDossiers, type DossierSummary } from "../my-dossiers-api";
import { OnTimeBadge, StatusBadge } from "./status-badge";

type ListState =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; dossiers: DossierSummary[]; nextCursor: string | null; loadingMore: boolean };

/** "Hồ sơ của tôi": the verified phone's dossiers, newest first, a page at a time. */
export function MyDossiersList() {
  const client = useApiClient();
  const navigate = useNavigate();
  const [state, setState] = useState<ListState>({ kind: "loading" });

  const loadFirst = useCallback(
    (signal?: AbortSignal) => {
      setState({ kind: "loading" });
      fetchMyDossiers(client, null, signal).then(
        (page) => setState({ kind: "ready", dossiers: page.dossiers, nextCursor: page.nextCursor, loadingMore: false }),
        (error: unknown) => {
          if (!signal?.aborted) setState({ kind: "error", message: error instanceof Error ? error.message : vi.errors.server });
        },
      );
    },
    [client],
  );

  useEffect(() => {
    const controller = new AbortController();
    loadFirst(controller.signal);
    return () => controller.abort();
  }, [loadFirst]);

  async function loadMore() {
    if (state.kind !== "ready" || !state.nextCursor) return;
    setState({ ...state, loadingMore: true });
    try {
      const page = await fetchMyDossiers(client, state.nextCursor);
      setState({ kind: "ready", dossiers: [...state.dossiers, ...page.dossiers], nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      setState({ kind: "error", message: error instanceof Error ? error.message : vi.errors.server });
    }
  }

  if (state.kind === "loading") {
    return (
      <div className="card" aria-busy="true">
        <Spinner visible /> <span className="muted">{vi.citizen.loading}</span>
      </div>
    );
  }
  if (state.kind === "error") {
    return (
      <div className="card" role="alert">
        <p>{state.message}</p>
        <Button variant="secondary" onClick={() => loadFirst()}>
          {vi.dossier.retry}
        </Button>
      </div>
    );
  }
  if (state.dossiers.length === 0) return <p className="card muted">{vi.citizen.listEmpty}</p>;

  return (
    <section aria-label={vi.titles.myDossiers}>
      <ul className="my-dossiers__list">
        {state.dossiers.map((dossier) => (
          <li key={dossier.code}>
            <button type="button" className="my-dossiers__item" onClick={() => navigate(dossierRoute(dossier.code))}>
              <span className="my-dossiers__text">
                <span className="my-dossiers__title">{dossier.procedure.name}</span>
                <span className="my-dossiers__code">{dossier.code}</span>
                <span className="my-dossiers__badges">
                  <StatusBadge status={dossier.status} label={dossier.statusLabel} />
                  <OnTimeBadge onTime={dossier.onTime} label={dossier.onTimeLabel} />
                </span>
                <span className="my-dossiers__due muted">
                  {vi.dossier.dueAt}: {formatDateTime(dossier.dueAt)}
                </span>
              </span>
              <AppIcon name="chevron-right" className="recent-lookups__chevron" />
            </button>
          </li>
        ))}
      </ul>
      {state.nextCursor && (
        <Button fullWidth variant="tertiary" loading={state.loadingMore} onClick={() => void loadMore()}>
          {vi.citizen.loadMore}
        </Button>
      )}
    </section>
  );
}
