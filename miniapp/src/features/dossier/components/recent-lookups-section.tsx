import { Box, Button } from "zmp-ui";
import "./dossier.css";
import { vi } from "../../../copy/vi";
import { LinkList } from "../../../shared/ui/link-list";
import { dossierRoute } from "../dossier-link";
import { clearRecentLookups } from "../recent-lookups";
import { useRecentLookups } from "../use-recent-lookups";

export function RecentLookupsSection() {
  const lookups = useRecentLookups();
  if (lookups.length === 0) return null;

  return (
    <section className="recent-lookups" aria-labelledby="recent-lookups-heading">
      <Box flex justifyContent="space-between" alignItems="center" className="recent-lookups__header">
        <h2 id="recent-lookups-heading" className="section-title">
          {vi.recent.heading}
        </h2>
        <Button variant="tertiary" size="small" className="recent-lookups__clear" onClick={clearRecentLookups}>
          {vi.recent.clear}
        </Button>
      </Box>
      <LinkList
        className="recent-lookups__list"
        entries={lookups.map((lookup) => ({
          key: lookup.code,
          to: dossierRoute(lookup.code),
          title: lookup.code,
          subtitle: lookup.procedureName,
        }))}
      />
    </section>
  );
}
