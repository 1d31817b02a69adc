/**
 * What an all-or-nothing import refuses with: the file's bad rows, each with every message that applies
 * (row 0 = the file itself, row 1 = the header). The server puts them in the error's `details.rows`; the
 * web lists them under the message. A workbook of several sheets names the sheet.
 */
export type ImportRowError = { row: number; messages: string[]; sheet?: string };
