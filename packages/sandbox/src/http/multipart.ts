import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { WEB_RESOURCE_FIELDS, type WebResource, type WebResourceStorage } from '../domain/web-resources.js';
import { emptyError, messageError } from './http-error.js';

/** Whether a request carries a multipart/form-data body (balena's file uploads). */
export function isMultipart(request: IncomingMessage): boolean {
  return /^multipart\//i.test(request.headers['content-type'] ?? '');
}

const uploaded = new WeakSet<object>();

/** Whether a body value is a web resource this request uploaded (not one a client wrote as JSON). */
export function isUploadedWebResource(value: unknown): boolean {
  return typeof value === 'object' && value !== null && uploaded.has(value);
}

/** A multipart body: its fields as a JSON body, and the storage keys of the files it stored. */
export interface MultipartBody {
  body: Record<string, unknown>;
  stored: string[];
}

/**
 * Parses a multipart/form-data write of `resource` as balena (pinejs) does: text parts become body
 * fields, a file part of a web resource field is streamed to storage and becomes
 * `{ filename, content_type, size, href }`; other file parts, and every file when `mayWrite` is
 * false, are drained and dropped. A file above the storage's limit answers 400 `File size exceeded
 * the limit of N bytes.` and nothing stays stored.
 */
export async function readMultipartBody(
  request: IncomingMessage,
  resource: string,
  storage: WebResourceStorage,
  hrefBase: string,
  mayWrite: boolean,
): Promise<MultipartBody> {
  const fields = WEB_RESOURCE_FIELDS.get(resource) ?? [];
  const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const stored: string[] = [];
  const uploads: Promise<void>[] = [];
  let tooLarge = false;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: { fileSize: storage.maxBytes + 1, fields: 1000, parts: 1000 },
    });
  } catch {
    // A multipart Content-Type without a boundary.
    throw emptyError(400);
  }
  parser.on('field', (name, value) => {
    body[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (!mayWrite || !fields.includes(name)) {
      stream.resume();
      return;
    }
    uploads.push(
      storage.save(name, stream).then(({ key, size }) => {
        stored.push(key);
        // Reading stops one byte past the limit: enough to know the file is above it.
        if (size > storage.maxBytes) tooLarge = true;
        const value: WebResource = {
          filename: info.filename ?? '',
          content_type: info.mimeType,
          size,
          href: `${hrefBase}/${key}`,
        };
        uploaded.add(value);
        body[name] = value;
      }),
    );
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', reject);
    request.on('error', reject);
  });
  request.pipe(parser);
  const discard = async () => {
    await Promise.allSettled(uploads);
    await Promise.all(stored.map((key) => storage.remove(key)));
  };
  try {
    await finished;
    await Promise.all(uploads);
  } catch {
    await discard();
    throw emptyError(400);
  }
  if (tooLarge) {
    await discard();
    throw messageError(400, `File size exceeded the limit of ${storage.maxBytes} bytes.`);
  }
  return { body, stored };
}
