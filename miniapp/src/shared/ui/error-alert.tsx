/** Why something failed, announced to screen readers; nothing when there is no error. */
export function ErrorAlert({ message, className = "motcua-form-error" }: { message: string | null | undefined; className?: string }) {
  return message ? (
    <p className={className} role="alert">
      {message}
    </p>
  ) : null;
}
