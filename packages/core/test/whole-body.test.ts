// A whole-body answer's text is read inside the attempt and kept beside its Response until the
// request layer parses it (request/response.ts). The platform's fetch keeps that Response
// reachable after the call (undici, from the attempt's abort signal, until a full collection), so
// the text must be handed over, not kept: a kept text made every young-generation collection of
// a loop of reads copy the earlier answers.
import { describe, expect, it } from 'vitest';
import { readBody, readErrorBody, withWholeBody } from '../src/request/response.js';

const request = { method: 'GET', url: () => '/v7/device' };

function jsonAnswer(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

describe('the text of a whole-body answer', () => {
  it('is parsed once, then no longer held beside the Response', async () => {
    const response = await withWholeBody(jsonAnswer('{"d":[{"id":1}]}'));
    expect(response.bodyUsed).toBe(true);
    await expect(readBody(response, request, undefined)).resolves.toEqual({ d: [{ id: 1 }] });
    // Nothing kept: a second read finds only the used body.
    await expect(readBody(response, request, undefined)).rejects.toThrow(TypeError);
  });

  it('is handed over once to the reader of an error body too', async () => {
    const response = await withWholeBody(jsonAnswer('"Unauthorized"', 401));
    await expect(readErrorBody(response)).resolves.toBe('Unauthorized');
    // readErrorBody never throws: the used body reads as no body.
    await expect(readErrorBody(response)).resolves.toBeUndefined();
  });

  it('is read from the body itself when the transport did not read it', async () => {
    await expect(readBody(jsonAnswer('[1,2]'), request, undefined)).resolves.toEqual([1, 2]);
    await expect(readBody(jsonAnswer(''), request, undefined)).resolves.toBeUndefined();
  });
});
