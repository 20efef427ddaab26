import { useNavigate } from "react-router-dom";
import { Box, Button } from "zmp-ui";
import { routePaths } from "../../app/route-paths";
import { vi } from "../../copy/vi";

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <div className="card message">
      <p className="message__body">{vi.notFoundPage.body}</p>
      <Box mt={4}>
        <Button variant="primary" size="large" fullWidth onClick={() => navigate(routePaths.home, { replace: true })}>
          {vi.notFoundPage.home}
        </Button>
      </Box>
    </div>
  );
}
