/** Signs dossier codes for the receipt QR, so that holding the receipt proves ownership. */
export interface ReceiptSigner {
  sign(code: string): string;
  verify(code: string, signature: string): boolean;
  /** The deep link printed as the receipt's QR. */
  receiptUrl(code: string): string;
}
