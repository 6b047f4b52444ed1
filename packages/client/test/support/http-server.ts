import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { freePort } from "@realtimekit-api/test-servers/free-port";

/** What a test server saw of one request. */
export type SeenRequest = { method: string; url: string; headers: IncomingMessage["headers"] };

export type TestServer = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request, in arrival order. */
  requests: SeenRequest[];
  /** Sockets accepted, to tell keep-alive reuse from new connections. */
  connections: () => number;
  server: Server;
  close: () => Promise<void>;
};

/** An HTTP server on a free 127.0.0.1 port, recording every request; close() also drops open connections. */
export async function startServer(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    requests.push({ method: request.method!, url: request.url!, headers: request.headers });
    // A client that goes away mid-answer makes writes fail; that is the point of several tests, not a crash.
    response.on("error", () => {});
    handle(request, response);
  });
  server.on("connection", (socket) => {
    connections++;
    socket.on("error", () => {});
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
