import { useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { maxQueryLength, searchProcedures, type Procedure } from "../procedures-api";
import "../../../shared/ui/form.css";
import "./procedures.css";

export function ProcedureSearch() {
  const [input, setInput] = useState("");
  const [query, setQuery] = useState("");
  const { state, reload } = useApiLoad((c) => searchProcedures(c, query), `q:${query}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery(input.trim());
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
        <div className="motcua-empty" role="alert">
          <p>
            {vi.procedures.loadError} {state.error.message}
          </p>
          <Button variant="secondary" onClick={reload}>
            {vi.feedback.retry}
          </Button>
        </div>
      )}
      {state.status === "loaded" && state.data.length === 0 && <p className="motcua-empty">{vi.procedures.empty}</p>}
      {state.status === "loaded" && state.data.map((procedure) => <ProcedureCard key={procedure.code} procedure={procedure} />)}
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
