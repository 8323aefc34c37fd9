// The de-duplication that makes time-based resumption exact when many lines share a millisecond
// (balena's createdAt is not unique; the sandbox's is, so these cases are checked here directly).
import { describe, expect, test } from 'vitest';
import type { LogLine } from '../src/index.js';
import { LineSplitter } from '../src/internal/line-splitter.js';
import { parseLogLine } from '../src/internal/parse-line.js';
import { ResumeTracker } from '../src/internal/resume-tracker.js';

function line(createdAt: number, message: string): LogLine {
  return { createdAt, timestamp: createdAt, message, isStdErr: false, isSystem: false };
}

function deliver(tracker: ResumeTracker, lines: LogLine[]): string[] {
  tracker.beginPass();
  return lines.filter((entry) => tracker.accept(entry)).map((entry) => entry.message);
}

describe('ResumeTracker', () => {
  test('a replay from the last millisecond repeats nothing and skips nothing', () => {
    const tracker = new ResumeTracker();
    expect(deliver(tracker, [line(1, 'a'), line(2, 'b'), line(2, 'c')])).toEqual(['a', 'b', 'c']);
    // The connection dropped after 'c'; the server replays from createdAt 2 (and 1, for an exclusive start).
    expect(deliver(tracker, [line(1, 'a'), line(2, 'b'), line(2, 'c'), line(2, 'd'), line(3, 'e')])).toEqual([
      'd',
      'e',
    ]);
  });

  test('identical lines in the same millisecond are counted, not collapsed', () => {
    const tracker = new ResumeTracker();
    expect(deliver(tracker, [line(5, 'same'), line(5, 'same')])).toEqual(['same', 'same']);
    expect(deliver(tracker, [line(5, 'same'), line(5, 'same'), line(5, 'same')])).toEqual(['same']);
    expect(tracker.lastDeliveredAt).toBe(5);
  });

  test('within one pass every line of a new millisecond is new', () => {
    const tracker = new ResumeTracker();
    expect(deliver(tracker, [line(1, 'x'), line(1, 'x'), line(1, 'y'), line(4, 'x')])).toEqual(['x', 'x', 'y', 'x']);
  });
});

describe('LineSplitter and parseLogLine', () => {
  test('a line split across chunks is joined; a cut tail is held back', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"createdAt":1,"message":"a"}\n{"createdAt":2,')).toEqual(['{"createdAt":1,"message":"a"}']);
    expect(splitter.push('"message":"b"}\n\n{"creat')).toEqual(['{"createdAt":2,"message":"b"}', '']);
    expect(splitter.remainder).toBe('{"creat');
  });

  test('parses balena lines and rejects non-lines', () => {
    expect(
      parseLogLine('{"createdAt":10,"timestamp":9,"isSystem":true,"isStdErr":false,"serviceId":3,"message":"m"}'),
    ).toEqual({ createdAt: 10, timestamp: 9, isSystem: true, isStdErr: false, serviceId: 3, message: 'm' });
    expect(parseLogLine('{"createdAt":"1970-01-01T00:00:01.000Z","message":"iso"}').createdAt).toBe(1000);
    expect(() => parseLogLine('{"createdAt":1')).toThrow(/Malformed log line/);
    expect(() => parseLogLine('{"message":"no time"}')).toThrow(/Malformed log line/);
  });
});
