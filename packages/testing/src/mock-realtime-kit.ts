// The fake API: one MSW handler per operation of the spec, answering what the spec promises, after checking the
// token and the request the way the API does; with per-operation overrides and a record of every call.
import { delay, type HttpHandler, HttpResponse, http } from "msw";
import { cloudflareError, invalidRequest, page, realtimeKitError, specAnswer, unauthorized } from "./answers.ts";
import { DEFAULT_BASE_URL, OPERATIONS } from "./generated/operations.ts";
import type { OperationSpec } from "./operation-spec.ts";
import type { OperationName, Override } from "./overrides.ts";
import { readRequest } from "./read-request.ts";
import { type RecordedCall, redactedHeaders } from "./recorded-call.ts";
import { bySpecificity, route } from "./routes.ts";

export type MockRealtimeKitOptions = {
  /** Where the API is reached, as the client's `baseUrl`. Default: the spec's server. */
  baseUrl?: string;
  /** Seeds the data generated for operations without a documented example. Default 1. */
  seed?: number;
};

export type RealtimeKitMock = {
  /** One MSW request handler per operation, for `setupServer(...api.handlers)` or `setupWorker(...)`. */
  readonly handlers: HttpHandler[];
  /** The handlers again, so `setupServer(...api)` works too. */
  [Symbol.iterator](): Iterator<HttpHandler>;
  /** Makes `operation` answer `override` (every request, or the next one with `once`); the latest wins. */
  on<Name extends OperationName>(operation: Name, override: Override<Name>): RealtimeKitMock;
  /** Every request received for `operation`, oldest first, valid or not. */
  calls<Name extends OperationName>(operation: Name): RecordedCall<Name>[];
  /** Forgets overrides and recorded calls, for an `afterEach`. */
  reset(): void;
};

const BEARER = /^Bearer\s+\S+/i;

function checkedName(name: string): OperationSpec {
  const operation = (OPERATIONS as Record<string, OperationSpec>)[name];
  if (!Object.hasOwn(OPERATIONS, name) || !operation) throw new TypeError(`no RealtimeKit operation is named ${name}`);
  return operation;
}

/** A fake RealtimeKit API as MSW handlers: `setupServer(...mockRealtimeKit().handlers)`. */
export function mockRealtimeKit(options: MockRealtimeKitOptions = {}): RealtimeKitMock {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const seed = options.seed ?? 1;
  const overrides = new Map<string, Override<any>[]>();
  const recorded: RecordedCall[] = [];

  /** The override that answers the next request of `name`: the oldest unused `once`, else the newest standing one. */
  function takeOverride(name: string): Override<any> | undefined {
    const list = overrides.get(name) ?? [];
    const onceIndex = list.findIndex((override) => override.once);
    if (onceIndex >= 0) return list.splice(onceIndex, 1)[0];
    return list.at(-1);
  }

  function answerOverride(
    name: string,
    operation: OperationSpec,
    override: Override<any>,
    query: Record<string, unknown>,
  ) {
    if (override.networkError) return HttpResponse.error();
    if (override.error !== undefined) {
      const message = override.message ?? `Simulated ${override.status} answer`;
      const body =
        override.error === "realtimekit"
          ? realtimeKitError(override.status, message)
          : override.error === "cloudflare"
            ? cloudflareError(override.code ?? override.status, message)
            : override.error;
      return HttpResponse.json(body, { status: override.status });
    }
    const envelope = specAnswer(operation, seed, name);
    const body =
      operation.paged && Array.isArray(override.result)
        ? page(envelope, override.result, query)
        : { ...envelope, data: override.result };
    return HttpResponse.json(body, { status: override.status ?? operation.successStatus });
  }

  function handler(name: string, operation: OperationSpec): HttpHandler {
    const operationRoute = route(baseUrl, operation.path);
    const method = operation.httpMethod.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    return http[method](operationRoute.pattern, async ({ request }) => {
      const call: RecordedCall = {
        operation: name as OperationName,
        method: operation.httpMethod,
        url: request.url,
        params: {},
        body: undefined,
        headers: redactedHeaders(request.headers),
        status: 0,
      };
      recorded.push(call);
      const read = await readRequest(operation, operationRoute, request);
      call.params = { ...read.path, ...read.query } as RecordedCall["params"];
      call.body = read.body as RecordedCall["body"];
      const response = await answer(name, operation, request, read);
      call.status = response.type === "error" ? 0 : response.status;
      return response;
    });
  }

  async function answer(
    name: string,
    operation: OperationSpec,
    request: Request,
    read: Awaited<ReturnType<typeof readRequest>>,
  ): Promise<Response> {
    if (operation.secured && !BEARER.test(request.headers.get("authorization") ?? "")) return unauthorized();
    if (read.violations.length > 0) return invalidRequest(read.violations);
    const override = takeOverride(name);
    if (override?.delayMs) await delay(override.delayMs);
    if (override) return answerOverride(name, operation, override, read.query);
    const body = specAnswer(operation, seed, name);
    return HttpResponse.json(operation.paged ? page(body, body.data ?? [], read.query) : body, {
      status: operation.successStatus,
    });
  }

  const handlers = bySpecificity(Object.entries(OPERATIONS) as [string, OperationSpec][]).map(([name, operation]) =>
    handler(name, operation),
  );

  const api: RealtimeKitMock = {
    handlers,
    [Symbol.iterator]: () => handlers[Symbol.iterator](),
    on(operation, override) {
      checkedName(operation);
      const list = overrides.get(operation) ?? [];
      list.push(override);
      overrides.set(operation, list);
      return api;
    },
    calls<Name extends OperationName>(operation: Name) {
      checkedName(operation);
      return recorded.filter((call): call is RecordedCall<Name> => call.operation === operation);
    },
    reset() {
      overrides.clear();
      recorded.length = 0;
    },
  };
  return api;
}
