import { useEffect, type RefObject } from "react";

/**
 * Keeps a CSS variable on the document equal to an element's drawn height. The fixed header and bottom bar grow
 * with the reader's text size; the page's padding follows them through these variables.
 */
export function useMeasuredHeight(ref: RefObject<HTMLElement | null>, cssVariable: string, enabled = true): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const write = () => root.style.setProperty(cssVariable, `${Math.ceil(element.getBoundingClientRect().height)}px`);
    write();
    const observer = new ResizeObserver(write);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(cssVariable);
    };
  }, [ref, cssVariable, enabled]);
}
