/**
 * Splits a stream of text chunks into lines. A trailing piece without its newline is held until
 * the next chunk, and dropped if the stream ends first: a connection cut mid-line never yields
 * half a line.
 */
export class LineSplitter {
  private pending = '';

  /**
   * Adds a chunk and returns the lines it completes, without their newlines (empty lines included).
   *
   * @param chunk - the next piece of text
   * @returns the complete lines
   */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let text = this.pending + chunk;
    let newline = text.indexOf('\n');
    let from = 0;
    while (newline !== -1) {
      lines.push(text.slice(from, newline));
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    text = text.slice(from);
    this.pending = text;
    return lines;
  }

  /** The incomplete tail, if any (for diagnostics). */
  get remainder(): string {
    return this.pending;
  }
}
