import nodePath from 'node:path';

/** A project file named on the command line or by the OS (file association): the last `.duckdb` argument. */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | null {
  const candidates = argv.slice(1).filter((arg) => !arg.startsWith('-') && /\.duckdb$/i.test(arg));
  const last = candidates.at(-1);
  return last === undefined ? null : nodePath.resolve(cwd, last);
}

/** A new project's path always ends in .duckdb (one project = one DuckDB file). */
export function withProjectExtension(path: string): string {
  return /\.duckdb$/i.test(path) ? path : `${path}.duckdb`;
}
