import type { Page } from "playwright-core";

/**
 * What Android's WebView does when the phone's text size is raised (WebSettings.setTextZoom): every text size is
 * multiplied, whatever unit the page wrote it in. Line heights, paddings and boxes written in px stay as they were,
 * which is what makes text overlap or get cut.
 */
export async function scaleEveryTextSize(page: Page, factor: number): Promise<void> {
  await page.evaluate((scale) => {
    const elements: (HTMLElement | SVGElement)[] = [document.documentElement, ...Array.from(document.querySelectorAll<HTMLElement | SVGElement>("body, body *"))];
    const sizes = elements.map((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    elements.forEach((element, index) => element.style.setProperty("font-size", `${sizes[index]! * scale}px`, "important"));
  }, factor);
}

export interface LayoutProblem {
  kind: "page-scrolls-sideways" | "box-scrolls-sideways" | "clipped" | "off-screen" | "overlap";
  text: string;
  detail: string;
}

/**
 * Text a reader cannot read whole: the page or a box scrolling sideways (the code field may), text cut by a box
 * that hides its overflow, text past the screen's edges, and two texts drawn over each other.
 */
export async function findLayoutProblems(page: Page, options: { sidewaysAllowed?: string } = {}): Promise<LayoutProblem[]> {
  return page.evaluate(({ sidewaysAllowed }) => {
    const problems: { kind: string; text: string; detail: string }[] = [];
    const short = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 60);
    const viewportWidth = document.documentElement.clientWidth;
    const tolerance = 1.5;
    const allowed = (element: Element) => (sidewaysAllowed ? element.closest(sidewaysAllowed) !== null : false);

    if (document.documentElement.scrollWidth > viewportWidth + tolerance) {
      problems.push({ kind: "page-scrolls-sideways", text: "", detail: `${document.documentElement.scrollWidth} > ${viewportWidth}` });
    }
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const scrollsSideways = style.overflowX === "auto" || style.overflowX === "scroll";
      if (scrollsSideways && element.scrollWidth > element.clientWidth + tolerance && !allowed(element)) {
        problems.push({ kind: "box-scrolls-sideways", text: short(element.innerText ?? ""), detail: `${element.className}: ${element.scrollWidth} > ${element.clientWidth}` });
      }
    }

    interface TextBox {
      text: string;
      rect: DOMRect;
      fixed: boolean;
    }
    const boxes: TextBox[] = [];
    const insideFixed = (element: Element | null): boolean => {
      for (let at = element; at; at = at.parentElement) if (getComputedStyle(at).position === "fixed") return true;
      return false;
    };
    const isVisuallyHidden = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return rect.width <= 1 || rect.height <= 1;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!parent || text.trim() === "" || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName)) continue;
      const parentStyle = getComputedStyle(parent);
      if (parentStyle.visibility === "hidden" || Number(parentStyle.opacity) === 0 || isVisuallyHidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0.5 && rect.height > 0.5);
      if (rects.length === 0) continue;
      const fixed = insideFixed(parent);
      // A preview cut to a few lines on purpose (-webkit-line-clamp, the full text is one tap away): the lines it
      // hides are not drawn, so they neither overlap nor count as cut.
      const preview = parent.closest<HTMLElement>("*:not(html):not(body)");
      let clampBox: DOMRect | null = null;
      for (let at: HTMLElement | null = preview; at; at = at.parentElement) {
        const clamp = getComputedStyle(at).webkitLineClamp;
        if (clamp && clamp !== "none") {
          clampBox = at.getBoundingClientRect();
          break;
        }
      }
      const clampedTops = new Set<number>();
      for (const rect of rects) {
        if (clampBox && rect.bottom > clampBox.bottom + tolerance) continue;
        // Chromium stacks a clamped paragraph's hidden lines on its last shown one.
        if (clampBox && clampedTops.has(Math.round(rect.top))) continue;
        if (clampBox) clampedTops.add(Math.round(rect.top));
        boxes.push({ text, rect, fixed });
        if (allowed(parent) || clampBox) continue;
        if (rect.left < -tolerance || rect.right > viewportWidth + tolerance) {
          problems.push({ kind: "off-screen", text: short(text), detail: `x ${Math.round(rect.left)}–${Math.round(rect.right)} of ${viewportWidth}` });
        }
        // Cut by a box that hides what overflows it (scrolling boxes are fine: the text can be scrolled to).
        for (let at: HTMLElement | null = parent; at && at !== document.body; at = at.parentElement) {
          const style = getComputedStyle(at);
          const hidesX = style.overflowX === "hidden" || style.overflowX === "clip";
          const hidesY = style.overflowY === "hidden" || style.overflowY === "clip";
          if (!hidesX && !hidesY) continue;
          const box = at.getBoundingClientRect();
          const cutX = hidesX && (rect.left < box.left - tolerance || rect.right > box.right + tolerance);
          const cutY = hidesY && (rect.top < box.top - tolerance || rect.bottom > box.bottom + tolerance);
          if (cutX || cutY) {
            problems.push({ kind: "clipped", text: short(text), detail: `cut by <${at.tagName.toLowerCase()} class="${at.className}">` });
            break;
          }
        }
        if (parentStyle.textOverflow === "ellipsis" && parent.scrollWidth > parent.clientWidth + tolerance) {
          problems.push({ kind: "clipped", text: short(text), detail: "ends in an ellipsis" });
        }
      }
    }
    // Two texts drawn over each other (a fixed bar over the scrolled page is not a layout fault).
    const seen = new Set<string>();
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.fixed !== b.fixed) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // Line boxes of one paragraph touch; real overlap covers a good part of a line.
        if (width > 2 && height > Math.min(a.rect.height, b.rect.height) * 0.3) {
          const key = `${short(a.text)}|${short(b.text)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          problems.push({ kind: "overlap", text: short(a.text), detail: `overlaps "${short(b.text)}"` });
        }
      }
    }
    return problems as LayoutProblem[];
  }, { sidewaysAllowed: options.sidewaysAllowed });
}

export interface SmallTarget {
  name: string;
  width: number;
  height: number;
}

/**
 * Controls smaller than 44×44 CSS px. A radio or checkbox counts by the label that is tapped for it; links inside
 * a sentence are exempt (WCAG 2.5.5's inline exception).
 */
export async function findSmallTapTargets(page: Page, minimum = 44): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=tab], [role=link], [tabindex]:not([tabindex='-1'])";
    const small: { name: string; width: number; height: number }[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      let target: HTMLElement = element;
      if (element instanceof HTMLInputElement && (element.type === "radio" || element.type === "checkbox")) {
        target = element.closest("label") ?? (element.id ? document.querySelector<HTMLElement>(`label[for="${element.id}"]`) : null) ?? element;
      }
      const rect = target.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (element.tagName === "A" && getComputedStyle(element).display === "inline" && element.parentElement?.tagName === "P") continue;
      // A control inside a larger control (an icon inside its button) is tapped through its container.
      const container = target.parentElement?.closest<HTMLElement>(selector.replace(/input:not\(\[type=hidden\]\), /, ""));
      if (container && container !== target) {
        const outer = container.getBoundingClientRect();
        if (outer.width >= min && outer.height >= min) continue;
      }
      if (rect.width + 0.5 < min || rect.height + 0.5 < min) {
        const name = element.getAttribute("aria-label") ?? element.innerText ?? element.getAttribute("placeholder") ?? element.tagName;
        small.push({ name: `${element.tagName.toLowerCase()} "${name.replace(/\s+/g, " ").trim().slice(0, 40)}"`, width: Math.round(rect.width), height: Math.round(rect.height) });
      }
    }
    return small;
  }, minimum);
}
