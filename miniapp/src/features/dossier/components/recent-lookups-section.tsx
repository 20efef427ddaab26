import { useNavigate } from "react-router-dom";
import { Box, Button, List } from "zmp-ui";
import "./dossier.css";
import { vi } from "../../../copy/vi";
import { AppIcon } from "../../../shared/ui/icons";
import { dossierRoute } from "../dossier-link";
import { clearRecentLookups } from "../recent-lookups";
import { useRecentLookups } from "../use-recent-lookups";

export function RecentLookupsSection() {
  const navigate = useNavigate();
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
      <List className="recent-lookups__list" noSpacing>
        {lookups.map((lookup) => (
          <List.Item
            key={lookup.code}
            className="recent-lookups__item"
            title={lookup.code}
            subTitle={lookup.procedureName}
            suffix={<AppIcon name="chevron-right" className="recent-lookups__chevron" />}
            onClick={() => navigate(dossierRoute(lookup.code))}
          />
        ))}
      </List>
    </section>
  );
}
