import jsQR from "jsqr";
import { vi } from "../copy/vi";
import { PlatformError } from "./zalo-platform";

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const SCAN_INTERVAL_MS = 120;

/** Decodes a QR from pixels with jsQR (used where the browser has no BarcodeDetector). */
export function decodeQrFromImageData(image: ImageData): string | null {
  return jsQR(image.data, image.width, image.height, { inversionAttempts: "attemptBoth" })?.data ?? null;
}

function barcodeDetector(): BarcodeDetectorLike | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  try {
    return Detector ? new Detector({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

async function decodeFrom(source: CanvasImageSource & { width?: number }, canvas: HTMLCanvasElement, width: number, height: number, detector: BarcodeDetectorLike | null) {
  if (detector) {
    try {
      const found = await detector.detect(source);
      if (found[0]?.rawValue) return found[0].rawValue;
    } catch {
      // Fall through to jsQR.
    }
  }
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context || width === 0 || height === 0) return null;
  context.drawImage(source, 0, 0, width, height);
  return decodeQrFromImageData(context.getImageData(0, 0, width, height));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The browser adapter's scanner: a full-screen viewfinder over the camera (getUserMedia), decoding with
 * BarcodeDetector where present, else jsQR; "chọn ảnh biên nhận" decodes a picked photo. Resolves with
 * the QR's text; closing rejects as "refused", as Zalo's scanner does when the user backs out.
 */
export function scanWithBrowserCamera(): Promise<string> {
  return new Promise((resolve, reject) => {
    const overlay = element("div", "qr-scanner");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-label", vi.scan.button);
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:10000;background:#000;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;padding:16px;color:#fff;font:16px/1.4 system-ui,sans-serif;text-align:center";
    const frame = element("div", "qr-scanner__frame");
    frame.style.cssText = "position:relative;width:min(80vw,320px);aspect-ratio:1;border:3px solid #fff;border-radius:16px;overflow:hidden;background:#111";
    const video = element("video", "qr-scanner__video");
    video.muted = true;
    video.playsInline = true;
    video.setAttribute("playsinline", "");
    video.style.cssText = "width:100%;height:100%;object-fit:cover";
    frame.append(video);
    const hint = element("p", "qr-scanner__hint", vi.scan.viewfinderHint);
    hint.setAttribute("role", "status");
    const fileInput = element("input", "qr-scanner__file");
    fileInput.type = "file";
    fileInput.accept = "image/*";
    fileInput.style.display = "none";
    const pick = element("button", "qr-scanner__pick", vi.scan.pickImage);
    pick.type = "button";
    pick.style.cssText = "min-height:44px;padding:0 20px;border-radius:22px;border:0;background:#fff;color:#0068ff;font-weight:600;font-size:16px";
    const cancel = element("button", "qr-scanner__cancel", vi.scan.cancel);
    cancel.type = "button";
    cancel.style.cssText = "min-height:44px;padding:0 20px;border-radius:22px;border:1px solid #fff;background:transparent;color:#fff;font-size:16px";
    overlay.append(frame, hint, pick, cancel, fileInput);
    document.body.append(overlay);

    const canvas = document.createElement("canvas");
    const detector = barcodeDetector();
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;

    function finish(result: { content: string } | { error: PlatformError }) {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      overlay.remove();
      if ("content" in result) resolve(result.content);
      else reject(result.error);
    }

    async function tick() {
      if (done) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        const content = await decodeFrom(video, canvas, video.videoWidth, video.videoHeight, detector);
        if (content !== null) return finish({ content });
      }
      timer = setTimeout(() => void tick(), SCAN_INTERVAL_MS);
    }

    cancel.addEventListener("click", () => finish({ error: new PlatformError("refused") }));
    pick.addEventListener("click", () => fileInput.click());
    fileInput.addEventListener("change", () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      void (async () => {
        try {
          const bitmap = await createImageBitmap(file);
          const content = await decodeFrom(bitmap, canvas, bitmap.width, bitmap.height, detector);
          if (content !== null) return finish({ content });
        } catch {
          // Not an image the browser can read: same message as an image without a QR.
        }
        hint.textContent = vi.scan.noQrInImage;
        fileInput.value = "";
      })();
    });

    if (!navigator.mediaDevices?.getUserMedia) {
      hint.textContent = vi.scan.noCamera;
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(async (media) => {
        if (done) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        video.srcObject = media;
        await video.play().catch(() => undefined);
        void tick();
      })
      .catch((error: unknown) => {
        // Refused by the user (or a setting): say where to allow it, not just that it failed.
        const refused = error instanceof DOMException && (error.name === "NotAllowedError" || error.name === "SecurityError");
        hint.textContent = refused ? vi.scan.cameraRefused : vi.scan.noCamera;
        frame.style.display = "none";
      });
  });
}
