// The pure parts of a streamed download (release assets, OS images, invoices): the announced size,
// the counted stream and its signal, the option check, the client scoped to the caller's signal,
// and what a response's headers tell of the file.
import { createClient, RequestError } from '@balena-ts/core';
import { describe, expect, it } from 'vitest';
import {
  announcedLength,
  checkDownloadOptions,
  countingStream,
  type DownloadProgress,
  downloadClient,
  startedDownload,
} from '../src/internal/download-progress.js';
import { refusal } from './helpers/refusal.js';

// biome-ignore lint/suspicious/noExplicitAny: wrong arguments on purpose.
type Any = any;

function withLength(length?: string): Response {
  return new Response('', { headers: length === undefined ? {} : { 'content-length': length } });
}

describe('announcedLength', () => {
  it('reads a positive Content-Length, and nothing else', () => {
    expect(announcedLength(withLength('1024'))).toBe(1024);
    expect(announcedLength(withLength())).toBeUndefined();
    expect(announcedLength(withLength('0'))).toBeUndefined();
    expect(announcedLength(withLength('-5'))).toBeUndefined();
    expect(announcedLength(withLength('many'))).toBeUndefined();
  });
});

describe('countingStream', () => {
  it('reports the bytes read so far with the announced total', async () => {
    const body = new Response(new Blob([new Uint8Array(3), new Uint8Array(4)])).body as ReadableStream<Uint8Array>;
    const reports: DownloadProgress[] = [];
    const stream = countingStream(body, 7, { onProgress: (progress) => reports.push(progress) }, undefined);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bytes.byteLength).toBe(7);
    expect(reports.at(-1)).toEqual({ bytes: 7, total: 7 });
  });

  it('stops at the signal', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      pull(source) {
        source.enqueue(new Uint8Array(8));
      },
    });
    const stream = countingStream(body, undefined, {}, controller.signal);
    const reader = stream.getReader();
    await reader.read();
    controller.abort(new Error('stopped by the caller'));
    // The pipe drops what it holds and errors the stream with the signal's reason.
    let error: unknown;
    for (let reads = 0; reads < 100 && error === undefined; reads += 1) {
      await reader.read().catch((caught: unknown) => {
        error = caught;
      });
    }
    expect(error).toEqual(new Error('stopped by the caller'));
  });
});

describe('checkDownloadOptions', () => {
  it('takes an object whose onProgress, if any, is a function', () => {
    const options = { onProgress: () => undefined };
    expect(checkDownloadOptions(options)).toBe(options);
    expect(checkDownloadOptions({})).toEqual({});
  });

  it('refuses anything else, naming the parameter and what it expects', () => {
    const notObject = refusal(() => checkDownloadOptions(null as Any));
    expect(notObject.parameter).toBe('options');
    expect(notObject.message).toContain('parameter "options": expected { onProgress, signal }');
    const notFunction = refusal(() => checkDownloadOptions({ onProgress: 'draw' as Any }));
    expect(notFunction.parameter).toBe('options.onProgress');
    expect(notFunction.message).toContain('parameter "options.onProgress": expected a function');
  });
});

describe('downloadClient', () => {
  it("scopes the client to the caller's signal, when given", () => {
    const client = createClient({ apiUrl: 'http://127.0.0.1:9' });
    const controller = new AbortController();
    expect(downloadClient(client, { signal: controller.signal }).signal).toBe(controller.signal);
    expect(downloadClient(client, {}).signal).toBeUndefined();
  });
});

describe('startedDownload', () => {
  it("takes the media type without its parameters, the size and the file's name", async () => {
    const response = new Response('hello', {
      headers: {
        'content-type': 'text/plain ; charset=utf-8',
        'content-length': '5',
        'content-disposition': 'attachment; filename="hello.txt"',
      },
    });
    const started = startedDownload(response, {}, undefined);
    expect(started).toMatchObject({ total: 5, mimeType: 'text/plain', fileName: 'hello.txt' });
    expect(await new Response(started.stream).text()).toBe('hello');
  });

  it('refuses a response without a body as an empty body', () => {
    const response = new Response(null, { status: 204 });
    let error: unknown;
    try {
      startedDownload(response, {}, undefined);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ status: 204, method: 'GET', body: 'empty body' });
  });
});
