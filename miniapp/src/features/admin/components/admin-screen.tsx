import { useEffect, useRef, useState, type FormEvent } from "react";
import { Box, Button, Input, Spinner, Text } from "zmp-ui";
import { adminCopy } from "../../../copy/admin";
import { ApiError } from "../../../shared/api/api-error";
import { useApiClient } from "../../../shared/api/api-client-context";
import { loadErrorMessage, useApiLoad } from "../../../shared/api/use-api-load";
import { fetchGuidePoster, fetchReceiptQrSvg, fetchStaffList } from "../admin-api";
import type { StaffProfile } from "../staff-profile";
import { AgencyLabel } from "../agencies/agency-label";
import type { AgencyNames } from "../agencies/agency-names";
import { useAgencyNames } from "../agencies/use-agency-names";
import { AdminSections } from "./admin-sections";
import { StaffGate } from "./staff-gate";
import { AdminError } from "./admin-error";
import "./admin.css";


/** The staff tab: who is signed in, its pages (inbox, late dossiers, ratings, delivery log, announcements), the desk's printing tools and, for admins, the staff list. */
export function AdminScreen() {
  return <StaffGate>{(profile) => <StaffHome profile={profile} />}</StaffGate>;
}

function StaffHome({ profile }: { profile: StaffProfile }) {
  const { names } = useAgencyNames();
  return (
    <div className="admin-screen">
      <section className="admin-card" aria-labelledby="admin-profile">
        <Text.Title id="admin-profile" size="large">
          {adminCopy.greeting(profile.name)}
        </Text.Title>
        <p className="admin-role" data-testid="staff-role">
          {adminCopy.roles[profile.role]}
        </p>
        <div className="admin-muted" data-testid="my-agencies">
          {adminCopy.agencies}: {profile.allAgencies ? adminCopy.allAgencies : <AgencyList codes={profile.agencyCodes} names={names} />}
        </div>
      </section>
      <AdminSections role={profile.role} />
      <ReceiptQrTool />
      <GuidePosterTool />
      {profile.role === "admin" ? <StaffList names={names} /> : null}
    </div>
  );
}

function ReceiptQrTool() {
  const client = useApiClient();
  const [code, setCode] = useState("");
  const [qr, setQr] = useState<{ code: string; svg: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function show(event: FormEvent) {
    event.preventDefault();
    const wanted = code.replace(/\s+/gu, "").toUpperCase();
    if (!wanted) return;
    setBusy(true);
    setError(null);
    try {
      setQr({ code: wanted, svg: await fetchReceiptQrSvg(client, wanted) });
    } catch (failure) {
      setQr(null);
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-card" aria-labelledby="receipt-qr">
      <Text.Title id="receipt-qr">{adminCopy.receiptQr.heading}</Text.Title>
      <p className="admin-muted">{adminCopy.receiptQr.intro}</p>
      <form onSubmit={show} className="admin-form">
        <Input id="receipt-code" label={adminCopy.receiptQr.codeLabel} aria-label={adminCopy.receiptQr.codeLabel} value={code} onChange={(e) => setCode(e.target.value)} />
        <AdminError message={error} />
        <Button htmlType="submit" fullWidth loading={busy}>
          {adminCopy.receiptQr.show}
        </Button>
      </form>
      {qr ? (
        <div className="print-area" data-testid="receipt-qr">
          {/* SVG made by our own API from the dossier code (qrcode library), not user content. */}
          <div className="receipt-qr-image" dangerouslySetInnerHTML={{ __html: qr.svg }} />
          {/* The words in the text font (a monospace font lacks Vietnamese marks), only the code in monospace. */}
          <p className="receipt-qr-caption">
            {adminCopy.receiptQr.captionLabel} <span className="receipt-qr-code">{qr.code}</span>
          </p>
          <Button variant="secondary" fullWidth onClick={() => window.print()}>
            {adminCopy.receiptQr.print}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function GuidePosterTool() {
  const client = useApiClient();
  const [agencyName, setAgencyName] = useState("");
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  async function show(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setHtml(await fetchGuidePoster(client, agencyName));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <section className="admin-card" aria-labelledby="guide-poster">
      <Text.Title id="guide-poster">{adminCopy.poster.heading}</Text.Title>
      <p className="admin-muted">{adminCopy.poster.intro}</p>
      <form onSubmit={show} className="admin-form">
        <Input id="poster-agency" label={adminCopy.poster.agencyLabel} aria-label={adminCopy.poster.agencyLabel} maxLength={200} value={agencyName} onChange={(e) => setAgencyName(e.target.value)} />
        <AdminError message={error} />
        <Button htmlType="submit" fullWidth variant="secondary">
          {adminCopy.poster.show}
        </Button>
      </form>
      {html ? (
        <>
          <PosterPreview html={html} frame={frame} />
          <Button fullWidth onClick={() => frame.current?.contentWindow?.print()}>
            {adminCopy.poster.print}
          </Button>
        </>
      ) : null}
    </section>
  );
}

/** The poster's A4 page (794 × 1123 CSS px), scaled down to the card's width so the whole page is seen at once. */
function PosterPreview({ html, frame }: { html: string; frame: React.RefObject<HTMLIFrameElement> }) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.4);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const fit = () => setScale(Math.min(1, element.clientWidth / a4Width));
    fit();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="poster-preview" style={{ height: `${Math.ceil(a4Height * scale)}px` }} data-testid="poster-preview">
      <iframe
        ref={frame}
        className="poster-frame"
        title={adminCopy.poster.frameTitle}
        srcDoc={html}
        style={{ width: `${a4Width}px`, height: `${a4Height}px`, transform: `scale(${scale})` }}
      />
    </div>
  );
}

const a4Width = 794;
const a4Height = 1123;

/** Agencies by name, each with its code on a small line beneath. */
function AgencyList({ codes, names }: { codes: string[]; names: AgencyNames }) {
  return (
    <ul className="agency-list">
      {names.sortCodes(codes).map((code) => (
        <li key={code}>
          <AgencyLabel code={code} names={names} />
        </li>
      ))}
    </ul>
  );
}

function StaffList({ names }: { names: AgencyNames }) {
  const { state } = useApiLoad(fetchStaffList, "staff");
  const staff = state.status === "loaded" ? state.data : null;
  const error = loadErrorMessage(state);

  return (
    <section className="admin-card" aria-labelledby="staff-list">
      <Text.Title id="staff-list">{adminCopy.staff.heading}</Text.Title>
      {error ? <p className="admin-error">{error}</p> : null}
      {state.status === "loading" ? <Spinner visible /> : null}
      {staff?.length === 0 ? <p className="admin-muted">{adminCopy.staff.empty}</p> : null}
      <ul className="staff-list">
        {staff?.map((member) => (
          <li key={member.zaloAppUserId} data-testid="staff-member">
            <Box>
              <strong>{member.name}</strong>
              <span className="admin-muted"> · {adminCopy.roles[member.role]}</span>
              <div className="admin-muted">{member.allAgencies ? adminCopy.allAgencies : <AgencyList codes={member.agencyCodes} names={names} />}</div>
            </Box>
          </li>
        ))}
      </ul>
    </section>
  );
}
