// An attempt's signal follows the call's own signal by a listener (request/attempt-signal.ts): it
// must pass the call's abort on, and leave nothing on the call's signal once the attempt is over,
// since a call with retries makes one attempt signal per send.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createAttemptSignal } from '../src/request/attempt-signal.js';

describe('the signal of an attempt', () => {
  it("aborts with the call's reason, and leaves no listener on the call's signal once disposed", () => {
    const call = new AbortController();
    const first = createAttemptSignal(60_000, call.signal);
    expect(getEventListeners(call.signal, 'abort')).toHaveLength(1);
    first.dispose();
    const second = createAttemptSignal(60_000, call.signal);
    expect(getEventListeners(call.signal, 'abort')).toHaveLength(1);
    const reason = new Error('the call is over');
    call.abort(reason);
    expect(second.signal.aborted).toBe(true);
    expect(second.signal.reason).toBe(reason);
    expect(first.signal.aborted).toBe(false);
    expect(second.timedOut()).toBe(false);
    second.dispose();
  });

  it("starts aborted when the call's signal already is", () => {
    const call = new AbortController();
    const reason = new Error('aborted before the attempt');
    call.abort(reason);
    const attempt = createAttemptSignal(60_000, call.signal);
    expect(attempt.signal.reason).toBe(reason);
    attempt.dispose();
  });

  it('aborts with a TimeoutError of its own when its timer fires', async () => {
    const call = new AbortController();
    const attempt = createAttemptSignal(1, call.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(attempt.timedOut()).toBe(true);
    expect(attempt.signal.reason).toMatchObject({ name: 'TimeoutError' });
    expect(call.signal.aborted).toBe(false);
    attempt.dispose();
  });
});
