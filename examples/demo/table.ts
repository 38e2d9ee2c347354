// A plain-text table that fits a terminal: each column as wide as its widest cell, up to a cap, cut with an ellipsis.
export function formatTable(head: readonly string[], rows: readonly (readonly string[])[], caps: readonly number[] = []): string {
  const cut = (text: string, column: number): string => {
    const cap = caps[column] ?? 60;
    return text.length > cap ? `${text.slice(0, cap - 1)}…` : text;
  };
  const cells = [head, ...rows].map((row) => row.map(cut));
  const widths = head.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
