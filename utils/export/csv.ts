/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a comma, quote
 * or line break, and a UTF-8 byte-order mark so Excel reads accents correctly. A text cell that a spreadsheet would run
 * as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe, as OWASP advises; so does a
 * text cell that already starts with one, which keeps the mapping reversible (`readTextCell` undoes it exactly).
 */
export type CsvValue = string | number | null;

const BOM = '\ufeff';
const NEEDS_NEUTRALISING = /^[=+\-@\t\r']/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers as written, null as an empty cell, text neutralised and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = NEEDS_NEUTRALISING.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header.map(csvCell), ...rows.map((row) => row.map(csvCell))].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** Parses CSV text into rows of raw cell text (quotes removed, apostrophes kept). */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && source[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A text cell's original value: the apostrophe `csvCell` added is taken off again. */
export function readTextCell(cell: string): string {
  return NEEDS_NEUTRALISING.test(cell.slice(1)) && cell.startsWith("'") ? cell.slice(1) : cell;
}
