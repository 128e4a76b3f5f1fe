/**
 * A command-line flag whose value breaks the flag's rule. The message starts with the flag and
 * states the rule, so a process can print it as it is (each wraps it in its own config error,
 * with its usage text).
 */
export class FlagValueError extends Error {
  /** The flag as typed on the command line: `--listen`. */
  readonly flag: string
  /** The message without the flag: `'x' is given twice`. */
  readonly problem: string

  constructor(flag: string, problem: string, options?: ErrorOptions) {
    super(`${flag} ${problem}`, options)
    this.name = new.target.name
    this.flag = flag
    this.problem = problem
  }
}

/**
 * The result of `parse`, a flag parser of this package, with the {@link FlagValueError} it may
 * throw turned into the caller's own error: each process reports every bad flag the same way,
 * with its config error and its usage text. Other errors pass unchanged.
 *
 * @example
 * const listen = parseFlag(() => listenFlag('--listen', text), (err) => new ConfigError(err.message))
 */
export function parseFlag<T>(parse: () => T, toError: (err: FlagValueError) => Error): T {
  try {
    return parse()
  } catch (err) {
    if (err instanceof FlagValueError) throw toError(err)
    throw err
  }
}
