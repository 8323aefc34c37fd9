// Turns measured rows into the side-by-side Markdown table: one row per metric, a value per
// implementation (or n/a with the reason kept for the notes), the two ratios balena-ts ÷ official and
// balena-ts ÷ raw fetch, the target and whether it is met.

export const IMPLEMENTATIONS = ['balena-ts', 'official', 'raw-fetch'];

export const formatBytes = (bytes) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${bytes} B`;
export const formatMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);
export const formatCount = (count) => count.toLocaleString('en-US');

/**
 * @typedef {object} Row
 * @property {string} section
 * @property {string} metric
 * @property {(value: number) => string} format
 * @property {Record<string, number | Error | undefined>} values   by implementation
 * @property {{ text: string, check: (values: Record<string, number>) => boolean | undefined }} [target]
 */

function cell(row, implementation) {
  const value = row.values[implementation];
  if (value === undefined) return '–';
  if (value instanceof Error || !Number.isFinite(value)) return 'n/a';
  return row.format(value);
}

function ratio(row, numerator, denominator) {
  const top = row.values[numerator];
  const bottom = row.values[denominator];
  if (typeof top !== 'number' || typeof bottom !== 'number' || !Number.isFinite(top) || !Number.isFinite(bottom))
    return 'n/a';
  if (bottom === 0) return top === 0 ? '1.00' : '∞';
  return (top / bottom).toFixed(2);
}

function verdict(row) {
  if (!row.target) return '';
  const numbers = Object.fromEntries(Object.entries(row.values).filter(([, value]) => typeof value === 'number'));
  const met = row.target.check(numbers);
  return met === undefined ? 'n/a' : met ? 'yes' : '**no**';
}

/** @param {Row[]} rows */
export function renderTable(rows) {
  const lines = [];
  let section;
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push(
        '',
        `### ${section}`,
        '',
        '| metric | balena-ts | official | raw fetch | ts ÷ official | ts ÷ raw | target | met |',
        '|---|--:|--:|--:|--:|--:|---|---|',
      );
    }
    lines.push(
      `| ${row.metric} | ${IMPLEMENTATIONS.map((implementation) => cell(row, implementation)).join(' | ')} | ${ratio(row, 'balena-ts', 'official')} | ${ratio(row, 'balena-ts', 'raw-fetch')} | ${row.target?.text ?? ''} | ${verdict(row)} |`,
    );
  }
  return lines.join('\n');
}

/** Why cells are n/a: one line per distinct reason. @param {Row[]} rows */
export function renderReasons(rows) {
  const reasons = new Map();
  for (const row of rows) {
    for (const [implementation, value] of Object.entries(row.values)) {
      if (!(value instanceof Error)) continue;
      const key = `${implementation}: ${value.message}`;
      reasons.set(key, [...(reasons.get(key) ?? []), `${row.section} / ${row.metric}`]);
    }
  }
  return [...reasons]
    .map(([reason, where]) => `- ${reason} (${where.length} cell${where.length > 1 ? 's' : ''})`)
    .join('\n');
}

/** A target "balena-ts ≤ factor × other implementation". */
export function atMost(factor, other, text) {
  return {
    text,
    check: (values) =>
      values['balena-ts'] === undefined || values[other] === undefined
        ? undefined
        : values['balena-ts'] <= factor * values[other],
  };
}

/** A target "balena-ts ≤ an absolute limit". */
export function atMostAbsolute(limit, text) {
  return { text, check: (values) => (values['balena-ts'] === undefined ? undefined : values['balena-ts'] <= limit) };
}
