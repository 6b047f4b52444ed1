import { createServer, type RequestListener } from "node:http";

export type LocalHttpServer = { url: string; stop: () => Promise<void> };

/**
 * An HTTP server on 127.0.0.1 for tests. It listens on port 0, so the OS hands it a free port with no window in
 * which another process could take it. `stop` also drops open connections (a stalled answer would otherwise keep
 * `close` waiting).
 */
export function startLocalHttpServer(handler: RequestListener): Promise<LocalHttpServer> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
