import { forwardRef } from "react";
import { NavLink } from "react-router-dom";
import { vi } from "../copy/vi";
import { AppIcon } from "../shared/ui/icons";
import { routePaths } from "./route-paths";

/** The four sections a citizen moves between; shown on their top pages only. */
export const bottomNavTabs = [
  { path: routePaths.home, label: vi.nav.lookup, icon: "search" },
  { path: routePaths.feedback, label: vi.nav.feedback, icon: "chat" },
  { path: routePaths.announcements, label: vi.nav.announcements, icon: "bell" },
  { path: routePaths.procedures, label: vi.nav.procedures, icon: "list" },
] as const;

export function isBottomNavPath(pathname: string): boolean {
  return bottomNavTabs.some((tab) => tab.path === pathname);
}

/**
 * Links in a landmark rather than zmp-ui's button bar: the current section is announced (aria-current), each
 * item is at least 56 px high and its label wraps instead of being cut when the text is large.
 */
export const AppBottomNav = forwardRef<HTMLElement>(function AppBottomNav(_props, ref) {
  return (
    <nav ref={ref} className="app-bottom-nav" aria-label={vi.nav.label}>
      <ul className="app-bottom-nav__list">
        {bottomNavTabs.map((tab) => (
          <li key={tab.path} className="app-bottom-nav__entry">
            <NavLink to={tab.path} end replace className="app-bottom-nav__link">
              <AppIcon name={tab.icon} size={22} />
              <span className="app-bottom-nav__label">{tab.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
});
