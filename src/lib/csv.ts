// CSV as RFC 4180 writes it: a header line, CRLF after every record, and a
// field in double quotes (its quotes doubled) whenever it holds a comma, a
// double quote, a CR or an LF. Spreadsheets and csv parsers read it back as is.

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole file: one header record naming `columns`, then one record per row, in column order. */
export function toCsv<Row, Column extends keyof Row & string>(columns: readonly Column[], rows: readonly Row[]): string {
  return [csvRecord(columns), ...rows.map((row) => csvRecord(columns.map((column) => row[column] as CsvValue)))].join('');
}
