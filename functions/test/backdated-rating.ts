// Ratings given at a past time are dev-only wiring (local/); the integration tests share it with the seed.
export { backdatedRatings, type BackdatedRating } from "../../local/src/seed/backdated-rating.js";
