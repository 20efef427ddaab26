import { ErrorAlert } from "../../../shared/ui/error-alert";

/** Why a staff action or load failed, in the staff screens' style. */
export function AdminError({ message }: { message: string | null | undefined }) {
  return <ErrorAlert className="admin-error" message={message} />;
}
