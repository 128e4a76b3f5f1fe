#!/usr/bin/env node
import { readFile } from 'node:fs/promises'
import { redactBootstrapValues } from '@dc/netmodel'
import { InvalidBootstrapValuesError } from '@dc/platform-service'
import {
  ListenBindError,
  MetricsBindError,
  createLogger,
  createMetricsRegistry,
  defaultLogFormat,
  serveMetrics,
  writeStderrLine,
} from '@dc/runtime'
import type { LogConfig, Logger, MetricsServer } from '@dc/runtime'
import { TlsConfigError } from '@dc/tls'
import { Agent } from './agent.js'
import { agentHelp } from './agent-help.js'
import { AgentServer } from './adapters/agent-server.js'
import { registerAgentMetrics } from './adapters/agent-metrics.js'
import { FileStateStore } from './adapters/file-state-store.js'
import { KubernetesFileWriter } from './adapters/kubernetes-file-writer.js'
import { parseValuesYaml } from './adapters/agent-handlers.js'
import { ConfigError, parseAgentConfig } from './config.js'
import { StateDocumentError } from './state-document.js'
import type { AgentConfig } from './config.js'
import { runSimulator } from './simulator/run-simulator.js'
import { isSimulatorCommandLine, parseSimulatorConfig } from './simulator/simulator-config.js'
import type { SimulatorConfig } from './simulator/simulator-config.js'

/** How long in-flight calls get to finish on SIGTERM before they are cut. */
const SHUTDOWN_GRACE_MS = 5_000

/** Stop gracefully on the first SIGTERM or SIGINT. */
function stopOnSignal(stopServing: () => Promise<void>, log: Logger): void {
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log.info(`${signal}: shutting down`, { signal })
    stopServing().then(
      () => {
        log.info('stopped')
        process.exitCode = 0
        // Nothing of ours is left running; this only guards against a stray handle keeping the process up.
        setTimeout(() => process.exit(), 1_000).unref()
      },
      (err: unknown) => {
        log.error('shutdown failed', { err })
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

/** Start-up failures an operator fixes (a TLS file, a taken port, a damaged state file): one line, exit 1. */
function isStartupError(
  err: unknown,
): err is TlsConfigError | MetricsBindError | ListenBindError | StateDocumentError {
  return (
    err instanceof TlsConfigError ||
    err instanceof MetricsBindError ||
    err instanceof ListenBindError ||
    err instanceof StateDocumentError
  )
}

/** `dc-agent --simulate N ...`: many virtual subclouds in this one process. */
async function simulate(config: SimulatorConfig, log: Logger): Promise<void> {
  let running
  try {
    running = await runSimulator(config, log)
  } catch (err) {
    if (!isStartupError(err)) throw err
    log.error(err.message)
    process.exitCode = 1
    return
  }
  stopOnSignal(running.stop, log.child({ component: 'main' }))
  process.stdout.write(`${running.readyLine}\n`)
}

async function serve(config: AgentConfig, rootLog: Logger): Promise<void> {
  const log = rootLog.child({ component: 'main' })
  const agent = await Agent.open({
    store: new FileStateStore(config.stateDir),
    kubernetes: new KubernetesFileWriter(config.stateDir),
    log: rootLog,
  })
  if (config.bootstrapValuesFile !== undefined) {
    let text: string
    try {
      text = await readFile(config.bootstrapValuesFile, 'utf8')
    } catch (err) {
      // A missing or unreadable file is the operator's to fix: one line, as for a refused file.
      writeStderrLine(
        `dc-agent: cannot read --bootstrap-values ${config.bootstrapValuesFile}: ` +
          `${err instanceof Error ? err.message : String(err)}\n`,
      )
      process.exitCode = 2
      return
    }
    try {
      const values = parseValuesYaml(text)
      log.info('bootstrapping from the values file', {
        file: config.bootstrapValuesFile,
        values: redactBootstrapValues(values),
      })
      await agent.bootstrap(values, { epoch: 0n, controllerId: '' })
    } catch (err) {
      if (!(err instanceof InvalidBootstrapValuesError)) throw err
      // The operator's file: one plain line, as for a refused command line.
      writeStderrLine(`dc-agent: --bootstrap-values ${config.bootstrapValuesFile}: ${err.message}\n`)
      process.exitCode = 2
      return
    }
  }
  const { transport } = config
  if (transport.kind === 'plaintext' && transport.warning !== undefined) log.warn(transport.warning)
  if (transport.kind === 'tls') {
    log.info(
      `mutual TLS: CA bundle ${transport.files.caFile}, certificate ${transport.files.certFile}; ` +
        'Bootstrap, Apply and Claim need a controller certificate, Platform changes a controller or admin',
      { caFile: transport.files.caFile, certFile: transport.files.certFile },
    )
  }
  const tls = transport.kind === 'tls' ? transport.files : undefined
  const server = new AgentServer({
    agent,
    listen: config.listen,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    log: rootLog,
    tls,
  })
  let metrics: MetricsServer | undefined
  try {
    await server.start()
    if (config.metrics !== undefined) {
      const registry = createMetricsRegistry({ prefix: 'dc_agent_' })
      registerAgentMetrics(registry, [{ agent, activity: server.activity }])
      metrics = await serveMetrics({ ...config.metrics, registry, tls, log: rootLog })
    }
  } catch (err) {
    await server.stop(0)
    if (!isStartupError(err)) throw err
    log.error(err.message)
    process.exitCode = 1
    return
  }
  stopOnSignal(async () => {
    await metrics?.close()
    await server.stop(SHUTDOWN_GRACE_MS)
  }, log)
  process.stdout.write(`dc-agent listening on ${config.listen.map((a) => a.text).join(',')}\n`)
}

/** The process logger: JSON lines on standard error unless it is a terminal. */
function processLogger(name: string, config: LogConfig): Logger {
  return createLogger({
    name,
    level: config.level,
    format: config.format ?? defaultLogFormat(process.stderr),
  })
}

function main(): void {
  const argv = process.argv.slice(2)
  let command: { kind: 'simulate'; config: SimulatorConfig } | { kind: 'agent'; config: AgentConfig }
  try {
    const config = isSimulatorCommandLine(argv) ? parseSimulatorConfig(argv) : parseAgentConfig(argv)
    if ('help' in config) {
      process.stdout.write(`${agentHelp()}\n`)
      return
    }
    command = 'count' in config ? { kind: 'simulate', config } : { kind: 'agent', config }
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    // Before any logger: a refused command line is the operator's to read, in plain words.
    writeStderrLine(`dc-agent: ${err.message}\n`)
    process.exitCode = 2
    return
  }
  const log = processLogger(
    command.kind === 'simulate' ? 'dc-agent-simulator' : 'dc-agent',
    command.config.log,
  )
  const running = command.kind === 'simulate' ? simulate(command.config, log) : serve(command.config, log)
  running.catch((err: unknown) => {
    const mainLog = log.child({ component: 'main' })
    if (isStartupError(err)) mainLog.error(err.message)
    else mainLog.error('fatal', { err })
    process.exit(1)
  })
}

main()
