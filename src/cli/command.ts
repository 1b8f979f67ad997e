/** The shape of a `flopack` subcommand. */
import type { CliIo } from './io.ts';

/** One subcommand: its help text and what it does. Returns the exit status. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string;
  run(argv: readonly string[], io: CliIo): number | Promise<number>;
}
