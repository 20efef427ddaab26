import { useLocation, useNavigate } from "react-router-dom";
import { BottomNavigation } from "zmp-ui";
import { vi } from "../copy/vi";
import { AppIcon } from "../shared/ui/icons";

/** The four sections a citizen moves between; shown on their top pages only. */
export const bottomNavTabs = [
  { path: "/", label: vi.nav.lookup, icon: "search" },
  { path: "/feedback", label: vi.nav.feedback, icon: "chat" },
  { path: "/announcements", label: vi.nav.announcements, icon: "bell" },
  { path: "/procedures", label: vi.nav.procedures, icon: "list" },
] as const;

export function isBottomNavPath(pathname: string): boolean {
  return bottomNavTabs.some((tab) => tab.path === pathname);
}

export function AppBottomNav() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <BottomNavigation className="app-bottom-nav" fixed activeKey={location.pathname} onChange={(key) => navigate(key, { replace: true })}>
      {bottomNavTabs.map((tab) => (
        <BottomNavigation.Item key={tab.path} itemKey={tab.path} label={tab.label} icon={<AppIcon name={tab.icon} size={22} />} />
      ))}
    </BottomNavigation>
  );
}
