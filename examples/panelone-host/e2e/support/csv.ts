/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF or LF, an optional byte-order mark) into records keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (quoted) throw new Error('The CSV ends inside a quoted cell.');
  if (cell !== '' || row.length) rows.push([...row, cell]);
  const [header, ...records] = rows;
  if (!header) throw new Error('The CSV has no header row.');
  return records.map((record, index) => {
    if (record.length !== header.length) throw new Error(`CSV row ${index + 2} has ${record.length} cells; the header has ${header.length}.`);
    return Object.fromEntries(header.map((name, column) => [name, record[column]!]));
  });
}
