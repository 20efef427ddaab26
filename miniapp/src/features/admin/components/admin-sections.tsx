import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { Text } from "zmp-ui";
import { routePaths } from "../../../app/route-paths";
import { adminCopy } from "../../../copy/admin";
import { adminAnnouncementsCopy } from "../../../copy/admin-announcements";
import { syncCredentialsCopy } from "../../../copy/admin-sync-credentials";
import { inboxCopy } from "../../../copy/admin-inbox";
import { lateDossiersCopy } from "../../../copy/admin-late-dossiers";
import { ratingsCopy } from "../../../copy/admin-ratings";
import { reachCopy } from "../../../copy/admin-reach";
import { InboxBadge } from "../inbox/inbox-badge";
import type { StaffProfile } from "../staff-profile";

/** The staff tab's pages, one row each, the daily work first; publishing announcements is for admins. */
export function AdminSections({ role }: { role: StaffProfile["role"] }) {
  return (
    <nav className="admin-card admin-sections" aria-labelledby="admin-sections">
      <Text.Title id="admin-sections">{adminCopy.sectionsHeading}</Text.Title>
      <SectionLink to={routePaths.adminFeedback} title={inboxCopy.card.inbox} intro={inboxCopy.card.intro} badge={<InboxBadge />} />
      <SectionLink to={routePaths.adminLateDossiers} title={lateDossiersCopy.linkTitle} intro={lateDossiersCopy.linkIntro} testId="late-dossiers-link" />
      <SectionLink to={routePaths.adminRatings} title={ratingsCopy.linkTitle} intro={role === "admin" ? ratingsCopy.linkIntroAdmin : ratingsCopy.linkIntro} />
      <SectionLink to={routePaths.adminReach} title={reachCopy.linkTitle} intro={reachCopy.linkIntro} testId="reach-link" />
      <SectionLink to={routePaths.adminNotifications} title={inboxCopy.card.deliveryLog} intro={inboxCopy.card.deliveryLogIntro} />
      {role === "admin" ? <SectionLink to={routePaths.adminAnnouncements} title={adminAnnouncementsCopy.link} intro={adminAnnouncementsCopy.linkIntro} /> : null}
      {role === "admin" ? (
        <SectionLink to={routePaths.adminSyncCredentials} title={syncCredentialsCopy.link} intro={syncCredentialsCopy.linkIntro} testId="sync-credentials-link" />
      ) : null}
    </nav>
  );
}

function SectionLink({ to, title, intro, badge, testId }: { to: string; title: string; intro: string; badge?: ReactNode; testId?: string }) {
  return (
    <Link to={to} className="admin-section-link" {...(testId ? { "data-testid": testId } : {})}>
      <span className="admin-section-title">
        {title}
        {badge}
      </span>
      <span className="admin-muted">{intro}</span>
    </Link>
  );
}
