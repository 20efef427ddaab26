import { PhoneConsentGate } from "../../features/citizen";
import { MyDossiersList } from "../../features/dossier";

export function MyDossiersPage() {
  return (
    <PhoneConsentGate>
      <MyDossiersList />
    </PhoneConsentGate>
  );
}
