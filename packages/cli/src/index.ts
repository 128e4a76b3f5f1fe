/**
 * StarlingX-compatible command-line clients over gRPC: `system` and `fm` (dc.platform.v1.Platform,
 * of a controller or an agent) and `dcmanager` (dc.manager.v1.DcManager of the controller).
 *
 * @example
 * import { runCli } from '@dc/cli'
 * const status = await runCli('system', ['--url', '127.0.0.1:50051', 'host-list'], {
 *   stdout: (t) => process.stdout.write(t),
 *   stderr: (t) => process.stderr.write(t),
 *   env: {},
 * })
 */
export { bashCompletion } from './bash-completion.js'
export { runCli } from './cli-app.js'
export { DEFAULT_REGION, DEFAULT_TIMEOUT_SECONDS, DEFAULT_URL, resolveConnectionConfig } from './config.js'
export { describeError } from './describe-error.js'
export { CliError, UsageError } from './errors.js'
export { formatCell } from './format-cell.js'
export { parseCommandLine } from './parse-command-line.js'
export { PROGRAMS } from './programs.js'
export { renderOutput, UnknownColumnError, OUTPUT_FORMATS } from './render-output.js'
export { renderTable } from './render-table.js'

export type { CliIo } from './cli-app.js'
export type { CliContext } from './cli-context.js'
export type {
  CommandArgs,
  CommandResult,
  CommandSpec,
  OptionSpec,
  PositionalSpec,
  ProgramName,
  ProgramSpec,
} from './command-spec.js'
export type { ConnectionConfig, GlobalFlags } from './config.js'
export type { CellValue } from './format-cell.js'
export type { ParsedCommandLine } from './parse-command-line.js'
export type { OutputFormat, OutputOptions } from './render-output.js'
