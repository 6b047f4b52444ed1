// MSW in this Node process with the kit's handlers, as a consumer's test sets it up; anything else is an error.
import type { HttpHandler } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** Starts MSW with `handlers` for the calling test file; resets `reset` after each test and stops MSW at the end. */
export function useMswServer(handlers: HttpHandler[], reset: () => void) {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    reset();
  });
  afterAll(() => server.close());
  return server;
}
