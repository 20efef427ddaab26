import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { maxQueryLength, searchProcedures, type Procedure } from "../procedures-api";
import { LoadFailed } from "../../../shared/ui/load-failed";
import "../../../shared/ui/form.css";
import "./procedures.css";

/** Cards shown at first and added by each "Xem thêm": a phone shows a short list, not 6,000 px of cards. */
export const proceduresPageSize = 5;

/** `noResultNextSteps`: what the citizen can do when nothing matches (the page supplies its links). */
export function ProcedureSearch({ noResultNextSteps }: { noResultNextSteps?: ReactNode }) {
  const [input, setInput] = useState("");
  const [query, setQuery] = useState("");
  const [shownCount, setShownCount] = useState(proceduresPageSize);
  const { state, reload } = useApiLoad((c, signal) => searchProcedures(c, query, signal), `q:${query}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery(input.trim());
    setShownCount(proceduresPageSize);
  }

  return (
    <div>
      <form className="procedure-search" onSubmit={submit} role="search">
        <label className="motcua-field">
          <span className="motcua-field-label">{vi.procedures.searchLabel}</span>
          <div className="procedure-search-row">
            <input
              className="motcua-input"
              type="search"
              value={input}
              maxLength={maxQueryLength}
              placeholder={vi.procedures.searchPlaceholder}
              onChange={(event) => setInput(event.target.value)}
            />
            <Button htmlType="submit">{vi.procedures.search}</Button>
          </div>
          <span className="motcua-field-helper">{vi.procedures.searchHelper}</span>
        </label>
      </form>
      {state.status === "loading" && <p className="motcua-empty">…</p>}
      {state.status === "failed" && (
        <LoadFailed className="motcua-empty" lead={vi.procedures.loadError} reason={state.error.message} retryLabel={vi.feedback.retry} onRetry={reload} />
      )}
      {state.status === "loaded" && state.data.length === 0 && (
        <div className="motcua-empty">
          <p>{vi.procedures.empty}</p>
          <p>{vi.procedures.emptyNext}</p>
          <div className="procedure-next-steps">
            <a className="motcua-button-link" href={vi.procedures.nationalPortalSearchUrl} target="_blank" rel="noreferrer">
              {vi.procedures.searchNationalPortal}
            </a>
            {noResultNextSteps}
          </div>
        </div>
      )}
      {state.status === "loaded" && state.data.slice(0, shownCount).map((procedure) => <ProcedureCard key={procedure.code} procedure={procedure} />)}
      {state.status === "loaded" && state.data.length > shownCount && (
        <Button variant="secondary" fullWidth onClick={() => setShownCount((count) => count + proceduresPageSize)}>
          {vi.procedures.more(Math.min(proceduresPageSize, state.data.length - shownCount))}
        </Button>
      )}
    </div>
  );
}

function ProcedureCard({ procedure }: { procedure: Procedure }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="motcua-card" data-testid="procedure-card">
      <h2 className="motcua-card-title">{procedure.name}</h2>
      <p className="motcua-muted">
        {vi.procedures.field}: {procedure.field}
      </p>
      <dl className="procedure-facts">
        <div>
          <dt>{vi.procedures.processingTime}</dt>
          <dd>{procedure.processingTime}</dd>
        </div>
        <div>
          <dt>{vi.procedures.fee}</dt>
          <dd>{procedure.fee}</dd>
        </div>
      </dl>
      {open && procedure.documentsRequired.length > 0 && (
        <>
          <h3 className="procedure-documents-title">{vi.procedures.documents}</h3>
          <ul className="procedure-documents">
            {procedure.documentsRequired.map((document) => (
              <li key={document}>{document}</li>
            ))}
          </ul>
        </>
      )}
      <div className="procedure-actions">
        <Button size="small" variant="tertiary" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
          {open ? vi.procedures.hideDetails : vi.procedures.showDetails}
        </Button>
        {procedure.portalUrl && (
          <a className="procedure-portal" href={procedure.portalUrl} target="_blank" rel="noreferrer">
            {vi.procedures.submitOnline}
          </a>
        )}
      </div>
    </section>
  );
}
