import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// `findBy…` and `waitFor` wait up to 5 s instead of Testing Library's 1 s: in `pnpm test` these tests share two cores
// with the browser lane, and a route's chunk imported for the first time has taken over a second there. A test that
// passes still goes on as soon as its condition holds.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
