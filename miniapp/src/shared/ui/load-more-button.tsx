import { Button } from "zmp-ui";
import type { ApiPage, ApiPagesHandle } from "../api/use-api-pages";
import type { ApiLoadOrIdle } from "../api/use-api-load";

/** The foot of a paged list: why the next page failed, and "Xem thêm" while there is one (busy while it loads). */
export function LoadMoreButton<T>({
  pages,
  label,
  variant = "secondary",
  errorClassName,
}: {
  pages: ApiPagesHandle<T, ApiLoadOrIdle<ApiPage<T>>>;
  label: string;
  variant?: "secondary" | "tertiary";
  errorClassName: string;
}) {
  const { state, loadingMore, moreError, loadMore } = pages;
  const hasMore = state.status === "loaded" && state.data.nextCursor !== null;
  return (
    <>
      {moreError ? (
        <p className={errorClassName} role="alert">
          {moreError.message}
        </p>
      ) : null}
      {hasMore ? (
        <Button variant={variant} fullWidth loading={loadingMore} onClick={loadMore}>
          {label}
        </Button>
      ) : null}
    </>
  );
}
