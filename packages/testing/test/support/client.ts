// Our client as a consumer's code holds it. It takes the global `fetch` when created, which may be before MSW
// patches it (a module-level client), so it is given a fetch that looks the global up on every call.
import { createRealtimeKitClient, type RealtimeKitClientOptions } from "@realtimekit-api/client";

export const TOKEN = "kit-test-token-4f1c9a";

export const kitClient = (options: Partial<RealtimeKitClientOptions> = {}) =>
  createRealtimeKitClient({
    apiToken: TOKEN,
    maxRetries: 0,
    fetch: (url, init) => globalThis.fetch(url, init),
    ...options,
  });
