/** Why a staff action or load failed, announced to screen readers; nothing when there is no error. */
export function AdminError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="admin-error" role="alert">
      {message}
    </p>
  ) : null;
}
