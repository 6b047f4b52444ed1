// The end-to-end benchmark's server: node:http on 127.0.0.1, a free port, keep-alive, one fixed answer.
// Runs in its own process so it does not share an event loop with the client being measured.
// Prints {"port"} once listening; exits on SIGTERM after closing every connection.
import { createServer } from "node:http";
import { expectedPath, participantBodyText, responseHeaders } from "./participant-fixture.ts";

const body = Buffer.from(participantBodyText);
const okHeaders = { ...responseHeaders, "content-length": String(body.byteLength) };

const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  // A wrong path or a missing token is answered 404/401, so a contender calling the wrong thing fails loudly.
  if (request.url !== expectedPath) {
    response.writeHead(404, { "content-type": "application/json" }).end('{"success":false}');
  } else if (!request.headers.authorization?.startsWith("Bearer ")) {
    response.writeHead(401, { "content-type": "application/json" }).end('{"success":false}');
  } else {
    response.writeHead(200, okHeaders).end(body);
  }
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  console.log(JSON.stringify({ port: address.port }));
});

process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
