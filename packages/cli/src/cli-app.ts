import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

import { escapeControlChars } from '@dc/netmodel'
import { loadProtos, REGION_METADATA_KEY, REQUEST_ID_METADATA_KEY } from '@dc/protos'
import { loadChannelCredentials } from '@dc/tls'
import { credentials, Metadata } from '@grpc/grpc-js'

import { bashCompletion } from './bash-completion.js'
import type { CliContext } from './cli-context.js'
import type { ProgramName } from './command-spec.js'
import { resolveConnectionConfig, type ConnectionConfig } from './config.js'
import { describeError } from './describe-error.js'
import { UnsuccessfulOutcomeError, UsageError } from './errors.js'
import { commandUsage } from './help-text.js'
import { parseCommandLine } from './parse-command-line.js'
import { PROGRAMS } from './programs.js'
import { promiseClient } from './promise-client.js'
import { renderOutput, UnknownColumnError } from './render-output.js'

/** Where the CLI reads and writes; `main()` binds it to the process, tests to buffers. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Environment: `DC_URL`, `OS_REGION_NAME`, `DC_TLS_CA`, `DC_TLS_CERT`, `DC_TLS_KEY`. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Aborting cancels the call in flight and any wait; the command then fails with `Interrupted`. */
  readonly signal?: AbortSignal
  /**
   * Pause between polls of a long operation (`subcloud add --wait`).
   * @default 1000
   */
  readonly pollIntervalMs?: number
  /**
   * stdout is a terminal: `--wait` draws its progress bar in place instead of printing lines.
   * @default false
   */
  readonly interactive?: boolean
}

const DEFAULT_POLL_INTERVAL_MS = 1000

function reportUsage(io: CliIo, error: UsageError): 2 {
  // The message may quote an argument as typed, control bytes and all.
  io.stderr(`${error.usage}\n${error.prog}: error: ${escapeControlChars(error.message)}\n`)
  return 2
}

function context(config: ConnectionConfig, io: CliIo): { ctx: CliContext; close: () => void } {
  const { dc } = loadProtos()
  // Read here, per command: a TlsConfigError (unreadable file, key of another certificate) is
  // then reported like any other failure, in one line.
  const channelCredentials =
    config.tls === undefined ? credentials.createInsecure() : loadChannelCredentials(config.tls)
  const platform = new dc.platform.v1.Platform(config.url, channelCredentials)
  const dcManager = new dc.manager.v1.DcManager(config.url, channelCredentials)
  // The key is the one the controller reads (@dc/protos), so forwarding cannot drift apart.
  const regionMetadata = new Metadata()
  regionMetadata.set(REGION_METADATA_KEY, config.region)
  // One id per invocation: the controller makes it the change id of a forwarded change, so the
  // agent applies that change once however often the call is sent.
  regionMetadata.set(REQUEST_ID_METADATA_KEY, randomUUID())
  const signal = io.signal ?? new AbortController().signal
  const common = { timeoutMs: config.timeoutMs, signal }
  const ctx: CliContext = {
    platform: promiseClient(platform, dc.platform.v1.Platform.service, {
      ...common,
      metadata: regionMetadata,
    }),
    dcManager: promiseClient(dcManager, dc.manager.v1.DcManager.service, {
      ...common,
      metadata: new Metadata(),
    }),
    region: config.region,
    progress: (line) => io.stderr(`${escapeControlChars(line)}\n`),
    // Carriage return, then erase to the end of the line: a shorter line leaves no tail behind.
    redraw: (line) => io.stderr(`\r${escapeControlChars(line)}\x1b[K`),
    interactive: io.interactive ?? false,
    signal,
    readTextFile: (path) => readFile(path, 'utf8'),
    sleep: (ms) => sleep(ms, undefined, { signal }),
    pollIntervalMs: io.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
  }
  return {
    ctx,
    close: () => {
      platform.close()
      dcManager.close()
    },
  }
}

/**
 * Runs one command line of `system`, `dcmanager` or `fm` and resolves to the exit status: 0 on
 * success, 1 when the command failed (one line on stderr), 2 on a usage error (usage on stderr).
 * Never throws.
 *
 * @example
 * const status = await runCli('system', ['network-addrpool-list'], {
 *   stdout: (t) => process.stdout.write(t),
 *   stderr: (t) => process.stderr.write(t),
 *   env: process.env,
 * })
 */
export async function runCli(name: ProgramName, argv: readonly string[], io: CliIo): Promise<number> {
  const program = PROGRAMS[name]
  let parsed
  try {
    parsed = parseCommandLine(program, argv)
  } catch (error) {
    if (error instanceof UsageError) return reportUsage(io, error)
    io.stderr(`${describeError(error, { url: '', timeoutMs: 0 }).message}\n`)
    return 1
  }
  if (parsed.kind === 'help') {
    io.stdout(parsed.text)
    return 0
  }
  if (parsed.kind === 'completion') {
    io.stdout(bashCompletion(program))
    return 0
  }
  const { command, args, globals, format, columns } = parsed
  const prog = `${program.name} ${command.name}`
  const config = resolveConnectionConfig(globals, io.env)
  if ('error' in config)
    return reportUsage(io, new UsageError(prog, commandUsage(program, command), config.error))
  let connection: ReturnType<typeof context> | undefined
  try {
    connection = context(config, io)
    // A failed outcome still has its result to print, and `-c` may reject that result's columns.
    const { result, failure } = await command.run(connection.ctx, args).then(
      (done) => ({ result: done, failure: undefined }),
      (error: unknown) => {
        if (error instanceof UnsuccessfulOutcomeError) return { result: error.result, failure: error }
        throw error
      },
    )
    io.stdout(renderOutput(result, { format, columns, showHeader: program.showHeader }))
    if (failure === undefined) return 0
    io.stderr([failure.message, ...failure.details].map((line) => `${escapeControlChars(line)}\n`).join(''))
    return failure.exitCode
  } catch (error) {
    if (error instanceof UsageError) return reportUsage(io, error)
    if (error instanceof UnknownColumnError) {
      return reportUsage(io, new UsageError(prog, commandUsage(program, command), error.message))
    }
    const { message, exitCode } = describeError(error, config)
    io.stderr(`${message}\n`)
    return exitCode
  } finally {
    connection?.close()
  }
}
