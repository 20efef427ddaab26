export { RatingSection } from "./components/rating-section";
