/** What an invoice PDF shows. */
export interface InvoiceLines {
  title: string;
  lines: string[];
}

function pdfText(text: string): string {
  // PDF string literals: parentheses and backslashes are escaped; the standard fonts read Latin-1.
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (character) => `\\${character}`);
}

/**
 * A minimal valid one-page PDF (PDF 1.4, one Helvetica text block, a correct cross-reference
 * table), so that invoice downloads open in any reader.
 */
export function invoicePdf(content: InvoiceLines): Buffer {
  const text = [`BT /F1 16 Tf 72 770 Td (${pdfText(content.title)}) Tj /F1 11 Tf`]
    .concat(content.lines.map((line) => `0 -18 Td (${pdfText(line)}) Tj`))
    .concat('ET')
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
