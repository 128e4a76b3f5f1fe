import type { CommandResult } from './command-spec.js'

/** Base of every error the CLI reports itself; `exitCode` is the process exit status it maps to. */
export class CliError extends Error {
  readonly exitCode: 1 | 2

  constructor(message: string, exitCode: 1 | 2 = 1, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/**
 * The command line itself is wrong (unknown command or option, missing or extra argument, bad value):
 * exit status 2, with the usage of `usage` printed to stderr before the message, as argparse does.
 */
export class UsageError extends CliError {
  /** `system addrpool-add` or just `system`: whose usage line goes with the message. */
  readonly prog: string
  readonly usage: string

  constructor(prog: string, usage: string, message: string) {
    super(message, 2)
    this.name = 'UsageError'
    this.prog = prog
    this.usage = usage
  }
}

/**
 * What the command followed ended badly (`network-strategy apply --wait` ending failed or aborted):
 * the final `result` still goes to stdout, then the message and `details` (one line each) to
 * stderr, and the exit status is 1, so a script sees both the table and the failure.
 */
export class UnsuccessfulOutcomeError extends CliError {
  readonly result: CommandResult
  readonly details: readonly string[]

  constructor(message: string, result: CommandResult, details: readonly string[]) {
    super(message, 1)
    this.name = 'UnsuccessfulOutcomeError'
    this.result = result
    this.details = details
  }
}
