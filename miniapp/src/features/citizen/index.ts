export { PhoneConsentGate } from "./components/phone-consent";
export { ProfileScreen } from "./components/profile-screen";
