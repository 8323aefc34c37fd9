// Where the scanner is in the answer `{"d":[{...},{...}]}`.
/** Before the top-level object, or inside it outside the `"d"` array. */
const IN_DOCUMENT = 0;
/** Inside the `"d"` array: between rows, or inside one. */
const IN_ROWS = 1;
/** The top-level object has closed: only whitespace may follow. */
const DONE = 2;

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Depth of the rows' own braces: the top-level object is depth 1, the `"d"` array depth 2. */
const ROW_DEPTH = 3;
/** A key longer than this is not `"d"`: its text is not kept. */
const MAX_KEY_LENGTH = 8;

function isWhitespace(code: number): boolean {
  return code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN || code === TAB;
}

/** Reads the rows of a collection answer piece by piece (see {@link createCollectionScanner}). */
export interface CollectionScanner {
  /**
   * Scans the next piece of the answer.
   * @param text - the next decoded piece (any length; may split a string, an escape or a row anywhere)
   * @returns the rows completed by this piece, parsed, in order
   * @throws SyntaxError when the answer is not a collection answer or a row is not valid JSON
   */
  push(text: string): unknown[];
  /**
   * Says the answer has ended.
   * @throws SyntaxError when the answer stopped before its end, or held no `"d"` array
   */
  end(): void;
}

/**
 * Creates an incremental reader of an OData collection answer (`{"d":[...]}`) that finds each row
 * of the `"d"` array without parsing the whole answer: it tracks string, escape and bracket state
 * over the text, and hands each row's slice to `JSON.parse`, so rows come out as the native parser
 * makes them while the answer is never held whole. A piece may end anywhere (multi-byte characters
 * are the decoder's business: feed it text from a streaming `TextDecoder`).
 *
 * @returns the scanner
 * @example
 * ```ts
 * const scanner = createCollectionScanner();
 * scanner.push('{"d":[{"id":1},{"i'); // [{ id: 1 }]
 * scanner.push('d":2}]}'); // [{ id: 2 }]
 * scanner.end();
 * ```
 */
export function createCollectionScanner(): CollectionScanner {
  let phase = IN_DOCUMENT;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let foundRows = false;
  // The text of the string being read at depth 1 (a key), and the last one completed there.
  let keyText: string | undefined;
  let lastKey: string | undefined;
  // The part of the current row that arrived in earlier pieces.
  let pendingRow = '';
  let rowOpen = false;

  // Where the next backslash of the current piece is: searched again only once passed, so that a
  // piece without any costs one search rather than one per string.
  let nextBackslash = -1;

  /** Index of the quote that closes the string going on at `from`, or -1 when the piece ends first. */
  function closingQuote(text: string, from: number): number {
    let index = from;
    if (escaped) {
      escaped = false;
      index += 1;
    }
    for (;;) {
      if (nextBackslash !== Number.POSITIVE_INFINITY && nextBackslash < index) {
        const found = text.indexOf('\\', index);
        nextBackslash = found === -1 ? Number.POSITIVE_INFINITY : found;
      }
      const quote = text.indexOf('"', index);
      if (quote !== -1 && quote < nextBackslash) return quote;
      if (nextBackslash === Number.POSITIVE_INFINITY) return -1;
      if (nextBackslash + 1 >= text.length) {
        escaped = true;
        return -1;
      }
      index = nextBackslash + 2;
    }
  }

  function fail(message: string): never {
    throw new SyntaxError(message);
  }

  function push(text: string): unknown[] {
    const rows: unknown[] = [];
    // The row going on from an earlier piece starts at 0 here, after `pendingRow`.
    let rowStart = rowOpen ? 0 : -1;
    const length = text.length;
    nextBackslash = -1;
    let index = 0;
    while (index < length) {
      if (inString) {
        const quote = closingQuote(text, index);
        if (quote === -1) {
          if (keyText !== undefined && keyText.length <= MAX_KEY_LENGTH) keyText += text.slice(index);
          break;
        }
        if (keyText !== undefined) {
          lastKey = keyText + text.slice(index, quote);
          keyText = undefined;
        }
        inString = false;
        index = quote + 1;
        continue;
      }
      const code = text.charCodeAt(index);
      if (phase === IN_ROWS) {
        if (depth === ROW_DEPTH - 1) {
          // Between rows: only separators, a row's opening brace, or the array's end.
          if (code === OPEN_BRACE) {
            depth = ROW_DEPTH;
            rowStart = index;
            rowOpen = true;
          } else if (code === CLOSE_BRACKET) {
            depth = 1;
            phase = IN_DOCUMENT;
          } else if (code !== COMMA && !isWhitespace(code)) {
            fail(`Unexpected character ${JSON.stringify(text[index])} in the "d" array: rows must be objects`);
          }
        } else if (code === QUOTE) {
          inString = true;
        } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
          depth += 1;
        } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
          depth -= 1;
          if (depth === ROW_DEPTH - 1) {
            rows.push(JSON.parse(pendingRow + text.slice(rowStart, index + 1)));
            pendingRow = '';
            rowOpen = false;
            rowStart = -1;
          }
        }
        index += 1;
        continue;
      }
      if (phase === DONE) {
        if (!isWhitespace(code)) fail('Unexpected text after the end of the answer');
        index += 1;
        continue;
      }
      // The document around the rows: its keys and any other values are skipped, not kept.
      if (code === QUOTE) {
        inString = true;
        keyText = depth === 1 ? '' : undefined;
      } else if (code === OPEN_BRACKET && depth === 1 && lastKey === 'd' && !foundRows) {
        foundRows = true;
        phase = IN_ROWS;
        depth = ROW_DEPTH - 1;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (depth === 0 && code !== OPEN_BRACE) fail('The answer is not an object');
        depth += 1;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth -= 1;
        if (depth < 0) fail('Unbalanced brackets in the answer');
        if (depth === 0) phase = DONE;
      } else if (depth === 0 && !isWhitespace(code)) {
        fail('The answer is not an object');
      }
      index += 1;
    }
    // The row goes on in the next piece: keep what arrived of it.
    if (rowOpen) pendingRow += text.slice(rowStart);
    return rows;
  }

  return {
    push,
    end() {
      if (phase !== DONE) fail('The answer ended before its end (truncated)');
      if (!foundRows) fail('The answer has no "d" array');
    },
  };
}
