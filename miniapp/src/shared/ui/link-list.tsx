import { Link } from "react-router-dom";
import "./link-list.css";
import { AppIcon } from "./icons";

export interface LinkListEntry {
  key: string;
  to: string;
  title: string;
  subtitle?: string;
  /** Codes and other text that must not be broken at a hyphen. */
  titleClassName?: string;
}

/**
 * A list of links to other pages (a real list of real links: screen readers announce "list, 2 items, link"),
 * each a whole row of at least 56 px whose text wraps when it is large.
 */
export function LinkList({ entries, className, label }: { entries: LinkListEntry[]; className?: string; label?: string }) {
  return (
    <ul className={className ? `link-list ${className}` : "link-list"} aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key} className="link-list__entry">
          <Link to={entry.to} className="link-list__link">
            <span className="link-list__text">
              <span className={entry.titleClassName ? `link-list__title ${entry.titleClassName}` : "link-list__title"}>{entry.title}</span>
              {entry.subtitle && <span className="link-list__subtitle">{entry.subtitle}</span>}
            </span>
            <AppIcon name="chevron-right" className="link-list__chevron" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
