#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'
import {
  ListenBindError,
  MetricsBindError,
  createLogger,
  defaultLogFormat,
  writeStderrLine,
} from '@dc/runtime'
import { ignoreIpServernameWarning } from '@dc/tls'
import { ConfigError, ControllerError } from './errors.js'
import { heapGrowthFlag } from './heap-growth-flag.js'
import { controllerHelp, parseControllerArgs } from './config.js'
import { startController } from './start-controller.js'
import { STORE_COMMAND_USAGE, isStoreCommand, runStoreCommand } from './store/store-command.js'
import type { StoreCommandName } from './store/store-command.js'

/** `dc-controller backup|restore`: one line out, or one line saying why not. */
async function storeCommand(name: StoreCommandName, rest: readonly string[]): Promise<number> {
  const interrupted = new AbortController()
  process.once('SIGINT', () => interrupted.abort())
  try {
    process.stdout.write(
      `${await runStoreCommand(name, rest, process.env, { cwd: process.cwd(), signal: interrupted.signal })}\n`,
    )
    return 0
  } catch (err) {
    if (!(err instanceof ControllerError)) throw err
    const usage = err instanceof ConfigError ? `\n${STORE_COMMAND_USAGE}` : ''
    writeStderrLine(`dc-controller ${name}: ${err.message}${usage}\n`)
    return err instanceof ConfigError ? 2 : 1
  }
}

/** dc-controller's entry point: flags in, readiness line out, graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<number> {
  // First of all: V8 reads the growing factor each time it sizes the heap after a full collection,
  // so from the first one on the heap stays within the bound.
  const heapFlag = heapGrowthFlag(process.execArgv)
  if (heapFlag !== undefined) setFlagsFromString(heapFlag)
  // The controller dials agents by IP address over TLS; Node's DEP0123 would greet every start.
  ignoreIpServernameWarning()
  const [command, ...rest] = process.argv.slice(2)
  if (isStoreCommand(command)) return storeCommand(command, rest)
  let config
  try {
    config = parseControllerArgs(process.argv.slice(2), process.env, process.cwd())
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    writeStderrLine(`dc-controller: ${err.message} (dc-controller --help lists every flag)\n`)
    return 2
  }
  if ('help' in config) {
    process.stdout.write(`${controllerHelp()}\n\n${STORE_COMMAND_USAGE}\n`)
    return 0
  }
  const log = createLogger({
    name: 'dc-controller',
    level: config.log.level,
    format: config.log.format ?? defaultLogFormat(process.stderr),
  })
  let controller
  try {
    controller = await startController(config, { log })
  } catch (err) {
    if (err instanceof ControllerError || err instanceof ListenBindError || err instanceof MetricsBindError) {
      writeStderrLine(`dc-controller: ${err.message}\n`)
      return 1
    }
    throw err
  }
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      log.info(`${signal} received, stopping`)
      void controller.close().then(() => resolve(0))
    }
    process.once('SIGTERM', () => stop('SIGTERM'))
    process.once('SIGINT', () => stop('SIGINT'))
    void controller.fatal.then(async (err) => {
      await controller.close()
      writeStderrLine(`dc-controller: ${err.message}\n`)
      resolve(1)
    })
  })
  process.stdout.write(
    `dc-controller listening on ${controller.addresses.join(', ')} ` +
      `(system ${controller.systemName}, store ${controller.databaseKind})\n`,
  )
  if (controller.consoleUrl !== undefined)
    process.stdout.write(`dc-controller console on ${controller.consoleUrl}\n`)
  const code = await stopped
  log.info('stopped')
  return code
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    writeStderrLine(
      `dc-controller: fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    )
    process.exitCode = 1
  },
)
