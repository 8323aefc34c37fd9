import type { SandboxContext } from '../context.js';
import { emptyError, HttpError, messageError } from '../http/http-error.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Router, SandboxRequest } from '../http/router.js';
import type { Row } from '../store/row.js';
import { parseLogBatch, toApiLine } from './log-line.js';
import { parseLogSelection, selectLines } from './log-query.js';
import type { LogStreamFormat } from './log-stream.js';
import { streamLogLines } from './log-stream.js';
import { logsOf } from './logs-of.js';

/** balena's NDJSON answer type (`application/x-ndjson`). */
export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';
/** How long an SSE client waits before reconnecting, sent once as `retry:`. */
const SSE_RETRY_MS = 1000;

function wantsEventStream(request: SandboxRequest): boolean {
  return (request.raw.headers.accept ?? '').includes('text/event-stream');
}

function ndjsonFormat(withSequence: boolean): LogStreamFormat {
  return {
    contentType: NDJSON_CONTENT_TYPE,
    line: (line) => `${JSON.stringify(toApiLine(line, withSequence))}\n`,
    // balena's keep-alive is a bare newline, which NDJSON readers skip as an empty line.
    heartbeat: '\n',
  };
}

const SSE_FORMAT: LogStreamFormat = {
  contentType: 'text/event-stream; charset=utf-8',
  preamble: `retry: ${SSE_RETRY_MS}\n\n`,
  line: (line) => `id: ${line.sequence}\nevent: log\ndata: ${JSON.stringify(toApiLine(line))}\n\n`,
  heartbeat: ': keep-alive\n\n',
};

/** The device a log writer posts for: only that device's own API key may write. */
function requireWritingDevice(context: SandboxContext, request: SandboxRequest, uuid: string): Row {
  const actor = context.authenticate(request);
  if (actor.kind === 'guest' || (actor.kind === 'user' && !actor.viaApiKey)) {
    throw new HttpError(401, { kind: 'json', value: { error: 'API key required' } });
  }
  const device = context.store.findUnique('device', ['uuid'], [uuid]);
  if (!device || actor.kind !== 'device' || actor.deviceId !== device.id) {
    throw messageError(404, `No device with uuid ${uuid}`);
  }
  return device;
}

/** `GET` and `POST /device/v2/:uuid/logs`: history, NDJSON and SSE streams, device writes. */
export function registerLogsRoutes(context: SandboxContext, router: Router): void {
  const logs = logsOf(context);

  router.add('POST', '/device/v2/:uuid/logs', async (request, response) => {
    const device = requireWritingDevice(context, request, request.params.uuid ?? '');
    const lines = parseLogBatch(await request.body(), context.now());
    logs.append(device.id, lines, context.now());
    sendEmpty(response, 201);
  });

  router.add('GET', '/device/v2/:uuid/logs', (request, response) => {
    const actor = context.authenticate(request);
    if (actor.kind === 'guest') throw emptyError(401);
    const device = context.requireDevice(actor, request.params.uuid ?? '');
    const eventStream = wantsEventStream(request);
    const streaming = eventStream || request.query.get('stream') === '1' || request.query.get('stream') === 'true';
    const lastEventId = eventStream ? request.raw.headers['last-event-id']?.toString() : undefined;
    const selection = parseLogSelection(request.query, { streaming, now: context.now(), lastEventId });
    const history = selectLines(logs.lines(device.id), selection);
    const withSequence = selection.since !== undefined;
    if (!streaming) {
      sendJson(
        response,
        200,
        history.map((line) => toApiLine(line, withSequence)),
      );
      return;
    }
    const format = eventStream ? SSE_FORMAT : ndjsonFormat(withSequence);
    streamLogLines(request, response, { logs, deviceId: device.id, history, format });
  });
}
