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
 * A log for createRealtimeKit's `log` option (createRealtimeKitClient and the raw client make theirs from `logger`
 * and `logLevel`): it drops lines below `level`, prefixes each with the package name, and redacts any header
 * whose name looks like a credential. A logger that throws is ignored: logging must never change the outcome of
 * a call. Undefined when nothing would be logged, so the client builds no log line at all.
 */
export function logTo(logger: Logger | undefined, level: LogLevel = "warn"): Log | undefined {
  if (!logger || level === "off") return undefined;
  return (lineLevel, message, details) => {
    try {
      if (RANK[lineLevel] >= RANK[level])
        logger[lineLevel]?.(
          `[realtimekit-api] ${message}`,
          details?.headers
            ? { ...details, headers: redactHeaders(details.headers as Record<string, string>) }
            : details,
        );
    } catch {}
  };
}

/** Headers as a plain object for a log line, with credentials replaced. */
function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in headers) result[name] = SECRET_HEADERS.test(name) ? "[redacted]" : headers[name]!;
  return result;
}
