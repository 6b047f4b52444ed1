import { readFileSync } from "node:fs";
import { startServer, type TestServer } from "./http-server.ts";

export type StaticFile = { type: string; body: string | (() => string) };

/** Serves fixed files by path (read when asked, so a rebuilt dist/ is served as it is now); 404 otherwise. */
export function startStaticServer(files: Record<string, StaticFile>): Promise<TestServer> {
  return startServer((request, response) => {
    const file = files[new URL(request.url!, "http://localhost").pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-store" });
    response.end(typeof file.body === "function" ? file.body() : file.body);
  });
}

export const fileContents = (path: string) => () => readFileSync(path, "utf8");
