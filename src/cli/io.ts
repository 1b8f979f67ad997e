/** What a CLI command may touch, so tests can run commands in-process. */
import { readFileSync } from 'node:fs';

/** Output streams and file access of a command. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readText(file: string): string;
}

// Everything a terminal may act on rather than print: C0 controls but line feed and tab (ESC
// starts sequences that clear the screen or set the title, CR overwrites a line), DEL, C1
// controls, line separators and bidirectional overrides.
const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A line safe to print: characters a terminal would act on are written out as `\u{1b}`. */
export const terminalSafe = (line: string): string =>
  line.replace(TERMINAL_UNSAFE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);

/** Wraps an io so that every line printed is terminal-safe (text from files is hostile). */
export const safeIo = (io: CliIo): CliIo => ({
  ...io,
  out: (line) => io.out(terminalSafe(line)),
  err: (line) => io.err(terminalSafe(line)),
});

/** The real process streams and file system. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readText: (file) => readFileSync(file, 'utf8'),
};

/** A usage error: printed with the command's help hint, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parsed arguments: positionals and `--name value` / `--flag` options. */
export interface Args {
  files: string[];
  options: Map<string, string | true>;
}

/** Parses argv against the options a command accepts (`name` → takes a value). */
export function parseArgs(
  argv: readonly string[],
  accepts: Record<string, 'value' | 'flag'>,
): Args {
  const files: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const [rawName, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2) as [
        string,
        string | undefined,
      ];
      const name = rawName === 'h' ? 'help' : rawName;
      const kind = name === 'help' ? 'flag' : accepts[name];
      if (!kind) throw new UsageError(`unknown option ${a}`);
      if (kind === 'flag') options.set(name, true);
      else {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '')
          throw new UsageError(`option --${name} needs a value`);
        options.set(name, value);
      }
    } else files.push(a);
  }
  return { files, options };
}

/** Reads a file for a command; an unreadable file is a usage error (exit 2). */
export function readInput(io: CliIo, file: string): string {
  try {
    return io.readText(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (e as Error).message;
    throw new UsageError(`${file}: cannot read (${why})`);
  }
}
