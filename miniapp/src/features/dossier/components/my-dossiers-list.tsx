import { useNavigate } from "react-router-dom";
import { Spinner } from "zmp-ui";
import "./dossier.css";
import { vi } from "../../../copy/vi";
import { useApiPages } from "../../../shared/api/use-api-pages";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { AppIcon } from "../../../shared/ui/icons";
import { LoadMoreButton } from "../../../shared/ui/load-more-button";
import { dossierRoute } from "../dossier-link";
import { fetchMyDossiers } from "../my-dossiers-api";
import { OnTimeBadge, StatusBadge } from "./status-badge";
import { LoadFailed } from "../../../shared/ui/load-failed";

/** "Hồ sơ của tôi": the verified phone's dossiers, newest first, a page at a time. */
export function MyDossiersList() {
  const navigate = useNavigate();
  const pages = useApiPages(async (client, cursor, signal) => {
    const page = await fetchMyDossiers(client, cursor, signal);
    return { items: page.dossiers, nextCursor: page.nextCursor };
  }, "my-dossiers");
  const { state, reload } = pages;

  if (state.status === "loading") {
    return (
      <div className="card" aria-busy="true">
        <Spinner visible /> <span className="muted">{vi.citizen.loading}</span>
      </div>
    );
  }
  if (state.status === "failed") {
    return (
      <LoadFailed className="card" reason={state.error.message} retryLabel={vi.dossier.retry} onRetry={reload} />
    );
  }
  if (state.data.items.length === 0) return <p className="card muted">{vi.citizen.listEmpty}</p>;

  return (
    <section aria-label={vi.titles.myDossiers}>
      <ul className="my-dossiers__list">
        {state.data.items.map((dossier) => (
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
      <LoadMoreButton pages={pages} label={vi.citizen.loadMore} variant="tertiary" errorClassName="card" />
    </section>
  );
}
