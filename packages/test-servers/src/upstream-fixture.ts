/**
 * Cloudflare's published document, cut to RealtimeKit's operations (and a few others, for the sync's tests),
 * verbatim from the 2026-08-14 copy: upstream's own definitions, before openapi/overlay.yaml corrects them. The
 * sync's tests make the spec from it; the client's tests call every operation against Prism's mock of it.
 */
export const UPSTREAM_FIXTURE = new URL("../fixtures/upstream-2026-08-14.json", import.meta.url).pathname;
