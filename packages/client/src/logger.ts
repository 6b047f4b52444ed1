export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with console-like methods: `console`, pino, winston … Missing methods are skipped. */
export type Logger = Partial<
  Record<Exclude<LogLevel, "off">, (message: string, details?: Record<string, unknown>) => void>
>;

export type Log = (level: Exclude<LogLevel, "off">, message: string, details?: Record<string, unknown>) => void;

const RANK = { debug: 0, info: 1, warn: 2, error: 3, off: 4 } as const;
// Authorization, Proxy-Authorization, Cookie, Set-Cookie, X-Auth-Key, X-Auth-User-Service-Key, CF-Access-Client-Secret …:
// broad on purpose, since a header wrongly hidden in a log line costs nothing and one wrongly shown leaks.
const SECRET_HEADERS = /auth|cookie|secret|key|token/i;

/**
 * A log function that drops lines below `level` and prefixes each with the package name. A logger that
 * throws is ignored: logging must never change the outcome of a call.
 */
export function createLog(logger: Logger | undefined, level: LogLevel): Log {
  if (!logger || level === "off") return () => {};
  return (lineLevel, message, details) => {
    try {
      if (RANK[lineLevel] >= RANK[level]) logger[lineLevel]?.(`[realtimekit-api] ${message}`, details);
    } catch {}
  };
}

/** Headers as a plain object for a log line, with credentials replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in headers) result[name] = SECRET_HEADERS.test(name) ? "[redacted]" : headers[name]!;
  return result;
}
