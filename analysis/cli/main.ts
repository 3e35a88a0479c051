import { formatError, userLocale } from '../errors.ts';
import { packageVersion } from '../version.ts';
import type { CliCommand, CliIo } from './command.ts';

// Each command lives in its own module and is loaded only when called, so `soiltrace --help`
// stays fast and a command's dependencies (DuckDB, workers) load only when needed.
const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  import: () => import('./commands/import.ts'),
  datasets: () => import('./commands/datasets.ts'),
  query: () => import('./commands/query.ts'),
  assess: () => import('./commands/assess.ts'),
  pmf: () => import('./commands/pmf.ts'),
  geodetector: () => import('./commands/geodetector.ts'),
  apcs: () => import('./commands/apcs.ts'),
  flux: () => import('./commands/flux.ts'),
  scenarios: () => import('./commands/scenarios.ts'),
  serve: () => import('./commands/serve.ts'),
};

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

async function helpText(): Promise<string> {
  const locale = userLocale();
  const lines = [
    `soiltrace ${packageVersion()} — ${locale === 'zh' ? '土壤重金属污染溯源与修复规划工作台' : 'heavy-metal soil pollution source tracing and remediation planning'}`,
    '',
    'usage: soiltrace <command> [options]   (soiltrace <command> --help)',
    '',
  ];
  for (const [name, load] of Object.entries(commands)) {
    try {
      const { command } = await load();
      lines.push(`  ${name.padEnd(12)} ${command.summary[locale]}`);
    } catch {
      // A command whose module is missing is simply not listed.
    }
  }
  lines.push('', '  --help, -h     this text', '  --version, -v  the version');
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await helpText());
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(packageVersion());
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`soiltrace: unknown command "${name}". Run soiltrace --help.`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`soiltrace ${name}: ${formatError(error, userLocale())}`);
    return 1;
  }
}
