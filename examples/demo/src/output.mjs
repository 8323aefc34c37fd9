// How the demo talks: numbered steps, indented details, a progress bar and a table. Nothing
// here knows about balena.

const BAR_WIDTH = 30;
const PLAIN_PROGRESS_MARKS = [25, 50, 75, 100];

let stepNumber = 0;

/** Prints the next numbered step. */
export function step(title) {
  stepNumber += 1;
  console.log(`\n${String(stepNumber).padStart(2)}. ${title}`);
}

/** Prints a detail line under the current step. */
export function detail(text) {
  console.log(`    ${text}`);
}

/** A byte count for people: 1.5 MB. */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A progress bar: redrawn in place with carriage returns on a terminal, a few plain lines
 * (25, 50, 75, 100 %) otherwise, so that logs and CI output stay readable.
 */
export function progressBar(label, stream = process.stdout) {
  let nextMark = 0;
  let lastDrawn = -1;
  return {
    update(bytes, total) {
      const percent = total ? Math.min(100, Math.floor((bytes / total) * 100)) : 0;
      const text = `${label} ${bar(percent)} ${String(percent).padStart(3)}% ${formatBytes(bytes)}${total ? ` / ${formatBytes(total)}` : ''}`;
      if (stream.isTTY) {
        if (percent === lastDrawn) return;
        lastDrawn = percent;
        stream.write(`\r    ${text}`);
        return;
      }
      while (nextMark < PLAIN_PROGRESS_MARKS.length && percent >= PLAIN_PROGRESS_MARKS[nextMark]) {
        nextMark += 1;
        stream.write(`    ${text}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

function bar(percent) {
  const filled = Math.round((percent / 100) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

/** Prints rows as an aligned table under a header line. */
export function table(columns, rows) {
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length)),
  );
  const line = (cells) =>
    `    ${cells.map((cell, index) => String(cell ?? '').padEnd(widths[index])).join('  ')}`.trimEnd();
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(columns.map((column) => row[column])));
}

/** The commit of an expanded release navigation, shortened; '-' when there is none. */
export function shortCommit(navigation) {
  const release = Array.isArray(navigation) ? navigation[0] : undefined;
  return release?.commit ? release.commit.slice(0, 7) : '-';
}
