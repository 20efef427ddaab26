/** The feedback pages' paths; the route table (app/routes.tsx) uses the same ones. */
export const feedbackPaths = {
  list: "/feedback",
  new: "/feedback/new",
  threadPattern: "/feedback/:id",
  thread: (id: string) => `/feedback/${encodeURIComponent(id)}`,
} as const;
