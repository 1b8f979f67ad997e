/** The `flopack` command line: validate, round-trip, inspect, render and diff flopacks. */
import type { Command } from './command.ts';
import { diff } from './commands/diff.ts';
import { fmt } from './commands/fmt.ts';
import { info } from './commands/info.ts';
import { plan } from './commands/plan.ts';
import { lint } from './commands/lint.ts';
import { simulate } from './commands/simulate.ts';
import { render } from './commands/render.ts';
import { roundtrip } from './commands/roundtrip.ts';
import { terraform } from './commands/terraform.ts';
import { validate } from './commands/validate.ts';
import type { CliIo } from './io.ts';
import { processIo, safeIo, UsageError } from './io.ts';

/** Every subcommand, in help order. */
export const COMMANDS: readonly Command[] = [
  validate,
  roundtrip,
  fmt,
  info,
  lint,
  plan,
  simulate,
  render,
  diff,
  terraform,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: flopack <command> [options] FILE...',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "flopack <command> --help" for a command\'s options.',
  ].join('\n');
}

/** Runs the CLI; returns the exit status (0 ok, 1 check failed, 2 usage error). */
export async function runCli(argv: readonly string[], rawIo: CliIo = processIo): Promise<number> {
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`flopack: unknown command "${name}"`);
    io.err(mainHelp());
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${command.usage}\n\n${command.help}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`flopack ${command.name}: ${e.message}`);
      io.err(`usage: ${command.usage}   (flopack ${command.name} --help)`);
      return 2;
    }
    throw e;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && /(?:flopack(?:\.js)?|main\.[jt]s)$/.test(process.argv[1]);
if (invokedDirectly) {
  // `flopack … | head -2`: the reader went away; stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `flopack: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
