export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One `soiltrace <name>` sub-command; `run` returns the process exit code. */
export interface CliCommand {
  summary: { zh: string; en: string };
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
