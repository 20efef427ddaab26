import { DeliveryLog } from "../../features/admin/delivery-log/delivery-log";

export function DeliveryLogPage() {
  return (
    <div className="admin-screen">
      <DeliveryLog />
    </div>
  );
}
