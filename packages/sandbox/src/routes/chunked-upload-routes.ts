import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.js';
import {
  type ChunkedUpload,
  ChunkedUploads,
  DEFAULT_PART_BYTES,
  MINIMUM_PART_BYTES,
  PART_PATH,
  type UploadPart,
} from '../domain/chunked-uploads.js';
import { WEB_RESOURCE_FIELDS, WEB_RESOURCE_PATH, type WebResource } from '../domain/web-resources.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Middleware, Router, SandboxRequest } from '../http/router.js';
import { parseODataUrl } from '../odata/parse-odata.js';
import type { Binds } from '../odata/query-context.js';
import { resolveBind } from '../odata/values.js';
import { updateRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import { resolveResourceName, resourceDefinition } from '../store/schema.js';

const API_PREFIX = '/v7';
const ACTION = /^\/v7\/[A-Za-z_]+\(.*\)\/(beginUpload|commitUpload|cancelUpload)$/;

type Action = (context: SandboxContext, uploads: ChunkedUploads, target: Target, body: unknown) => Promise<Answer>;
type Answer = { status: number; body?: unknown };

/** The row an action addresses, once the caller is known to be allowed to write it. */
interface Target {
  resource: string;
  row: Row;
}

/**
 * balena's chunked (multipart) upload of a web resource, as pinejs serves it with an S3 handler:
 * `POST /v7/<resource>(<id>)/beginUpload` answers part URLs, each part is PUT to its URL (here a
 * path of the sandbox whose token is the permission, as a pre-signed S3 URL's signature is), and
 * `commitUpload` stores the parts as the field's file (`cancelUpload` drops them). Facts and their
 * sources: README, "Release assets".
 */
export function registerChunkedUploadRoutes(context: SandboxContext, router: Router, middleware: Middleware[]): void {
  const uploads = new ChunkedUploads(context.config.dataFile);
  context.onClose(() => uploads.dispose());
  const actions: Record<string, Action> = { beginUpload, commitUpload, cancelUpload };
  // Actions are POSTs to a row's URL with a trailing name, which the OData routes refuse (401):
  // they are taken before routing, and anything else goes on unchanged.
  middleware.push(async (request, response, next) => {
    const name = request.method === 'POST' ? ACTION.exec(request.path)?.[1] : undefined;
    const target = name ? actionTarget(context, request) : undefined;
    if (!name || !target) return next();
    const answer = await actions[name]!(context, uploads, await target(), await request.body());
    if (answer.body === undefined) sendEmpty(response, answer.status);
    else sendJson(response, answer.status, answer.body);
  });
  router.add('PUT', `${PART_PATH}/:token`, (request, response) => putPart(context, uploads, request, response));
}

/**
 * The row a web resource action names, checked as pinejs's `canAccess` does: a row the caller may
 * not write (or that does not exist) is `401`. Undefined when the URL is not such an action.
 */
function actionTarget(context: SandboxContext, request: SandboxRequest): (() => Promise<Target>) | undefined {
  let parsed: ReturnType<typeof parseODataUrl>;
  try {
    parsed = parseODataUrl(request.url.slice(API_PREFIX.length));
  } catch {
    return undefined;
  }
  const resource = resolveResourceName(String(parsed.tree.resource));
  if (!resource || !WEB_RESOURCE_FIELDS.has(resource) || parsed.tree.key === undefined) return undefined;
  const key = parsed.tree.key;
  const binds = parsed.binds as unknown as Binds;
  return async () => {
    const access = context.access(context.authenticate(request));
    let row: Row | undefined;
    if ('bind' in key) {
      const id = resolveBind(binds, key as { bind: number });
      row = typeof id === 'number' ? context.store.get(resource, id) : undefined;
    } else {
      const entries = Object.entries(key as Record<string, { bind: number }>);
      const fields = entries.map(([field]) => field);
      if (fields.every((field) => field === 'id' || resourceDefinition(resource).alternateKeys.includes(field))) {
        row =
          fields.length === 1 && fields[0] === 'id'
            ? context.store.get(resource, resolveBind(binds, entries[0]![1]) as number)
            : context.store.findUnique(
                resource,
                fields,
                entries.map(([, value]) => resolveBind(binds, value)),
              );
      }
    }
    const write = access.writeScope(resource);
    if (!row || write === 'none' || !write(row)) throw emptyError(401);
    return { resource, row };
  };
}

/** `beginUpload`: checks the payload as pinejs does, records the upload and answers its part URLs. */
async function beginUpload(
  context: SandboxContext,
  uploads: ChunkedUploads,
  { resource, row }: Target,
  body: unknown,
): Promise<Answer> {
  const invalid = messageError(400, 'Invalid begin upload payload');
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid;
  const entries = Object.entries(body);
  if (entries.length !== 1) throw invalid;
  const [field, payload] = entries[0]!;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw invalid;
  const { filename, content_type, size, chunk_size, ...rest } = payload as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof filename !== 'string' || typeof content_type !== 'string') throw invalid;
  // pinejs's schema says `number`; the sandbox also wants whole, positive byte counts.
  const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
  if (!isCount(size) || (chunk_size !== undefined && !isCount(chunk_size))) throw invalid;
  if (!(WEB_RESOURCE_FIELDS.get(resource) ?? []).includes(field)) {
    throw messageError(400, `The provided field '${field}' is not a valid webresource`);
  }
  const chunkSize = chunk_size ?? DEFAULT_PART_BYTES;
  if (chunkSize < MINIMUM_PART_BYTES) throw messageError(400, 'Chunk size is too small');
  const { maxBytes } = context.webResources;
  if (size > maxBytes) throw messageError(400, `File size exceeded the limit of ${maxBytes} bytes.`);
  const upload = uploads.begin(
    { resource, field, resourceId: row.id, filename, contentType: content_type, size, chunkSize },
    context.now(),
  );
  const uploadParts = upload.parts.map((part) => ({
    url: `${context.url}${PART_PATH}/${part.token}`,
    chunkSize: part.chunkSize,
    partNumber: part.partNumber,
  }));
  return { status: 200, body: { [field]: { uuid: upload.uuid, uploadParts } } };
}

/** The pending upload a commit or cancel names: `400` for a uuid that is not a string, `401` for any other miss. */
function ongoingUpload(context: SandboxContext, uploads: ChunkedUploads, target: Target, body: unknown) {
  const uuid = body !== null && typeof body === 'object' ? (body as { uuid?: unknown }).uuid : undefined;
  if (typeof uuid !== 'string') throw messageError(400, 'Invalid uuid type');
  const upload = uploads.pending(uuid, target.resource, target.row.id, context.now());
  if (!upload) throw emptyError(401);
  return upload;
}

/**
 * The parts a commit lists, checked as S3's CompleteMultipartUpload checks them: a non-empty
 * list, part numbers ascending, each part received with that ETag (quoted or not). pinejs passes
 * S3's refusal on as a `500` with an empty body, and the upload stays open for another commit.
 */
function listedParts(upload: ChunkedUpload, body: unknown): UploadPart[] {
  const data = (body as { providerCommitData?: unknown }).providerCommitData;
  const list = data !== null && typeof data === 'object' ? (data as { Parts?: unknown }).Parts : undefined;
  if (!Array.isArray(list) || list.length === 0) throw emptyError(500);
  let previous = 0;
  return list.map((entry: unknown) => {
    const { PartNumber, ETag } = (entry ?? {}) as { PartNumber?: unknown; ETag?: unknown };
    if (typeof PartNumber !== 'number' || PartNumber <= previous || typeof ETag !== 'string') throw emptyError(500);
    previous = PartNumber;
    const part = upload.parts[PartNumber - 1];
    if (!part?.etag || part.etag !== ETag.replace(/^"+|"+$/g, '')) throw emptyError(500);
    return part;
  });
}

/** `commitUpload`: the listed parts become the field's file, stored as a single-request upload is. */
async function commitUpload(
  context: SandboxContext,
  uploads: ChunkedUploads,
  target: Target,
  body: unknown,
): Promise<Answer> {
  const upload = ongoingUpload(context, uploads, target, body);
  const parts = listedParts(upload, body);
  const { key, size } = await context.webResources.save(upload.field, uploads.assemble(upload, parts));
  // The upload may have been closed (a second commit, a cancel) while the parts were copied.
  if (upload.status !== 'pending' || !context.store.get(target.resource, target.row.id)) {
    await context.webResources.remove(key);
    throw emptyError(401);
  }
  const value: WebResource = {
    filename: upload.filename,
    content_type: upload.contentType,
    size,
    href: `${context.url}${WEB_RESOURCE_PATH}/${key}`,
  };
  await uploads.close(upload, 'completed');
  // The previous file, if any, goes with the change (trackWebResources).
  updateRow(context.store, target.resource, target.row.id, { [upload.field]: value });
  return { status: 200, body: value };
}

/** `cancelUpload`: the upload's parts are deleted and its URLs stop working. */
async function cancelUpload(
  context: SandboxContext,
  uploads: ChunkedUploads,
  target: Target,
  body: unknown,
): Promise<Answer> {
  await uploads.close(ongoingUpload(context, uploads, target, body), 'cancelled');
  return { status: 204 };
}

/**
 * `PUT <part URL>`: stores one part and answers its ETag (the MD5 of its bytes, quoted), as S3
 * does. Refusals follow S3: a token never issued or expired `403`, a closed upload `404`, no
 * Content-Length `411`, a Content-Length other than the part's size `403` (S3 signs it into the URL).
 */
async function putPart(
  context: SandboxContext,
  uploads: ChunkedUploads,
  request: SandboxRequest,
  response: ServerResponse,
): Promise<void> {
  const found = uploads.partOf(String(request.params.token));
  const refuse = (status: number) => {
    request.raw.resume();
    sendEmpty(response, status);
  };
  if (!found || found.upload.partUrlsExpireAt <= context.now()) return refuse(403);
  const { upload, part } = found;
  if (upload.status !== 'pending' || upload.expiresAt <= context.now()) return refuse(404);
  const length = request.raw.headers['content-length'];
  if (length === undefined) return refuse(411);
  if (Number(length) !== part.chunkSize) return refuse(403);
  const etag = await uploads.savePart(upload, part, request.raw);
  // Bytes that did not all arrive (nobody hears this answer), or an upload closed meanwhile (S3: no such upload).
  if (etag === undefined) return refuse(upload.status === 'pending' ? 400 : 404);
  response.writeHead(200, { ETag: `"${etag}"`, 'Access-Control-Expose-Headers': 'ETag', 'Content-Length': 0 });
  response.end();
}
