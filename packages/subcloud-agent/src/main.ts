#!/usr/bin/env node
import { readFile } from 'node:fs/promises'
import { redactBootstrapValues } from '@dc/netmodel'
import { TlsConfigError, describeTlsReload } from '@dc/tls'
import { Agent } from './agent.js'
import { AgentServer } from './adapters/agent-server.js'
import { FileStateStore } from './adapters/file-state-store.js'
import { KubernetesFileWriter } from './adapters/kubernetes-file-writer.js'
import { parseValuesYaml } from './adapters/agent-handlers.js'
import { ConfigError, parseAgentConfig } from './config.js'
import { runSimulator } from './simulator/run-simulator.js'
import { isSimulatorCommandLine, parseSimulatorConfig } from './simulator/simulator-config.js'

/** How long in-flight calls get to finish on SIGTERM before they are cut. */
const SHUTDOWN_GRACE_MS = 5_000

function logLine(line: string): void {
  process.stderr.write(`dc-agent: ${line.replaceAll('\n', ' | ')}\n`)
}

function logError(message: string, cause: unknown): void {
  const text = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)
  logLine(`${message}: ${text}`)
}

/** Stop gracefully on the first SIGTERM or SIGINT. */
function stopOnSignal(stopServing: () => Promise<void>): void {
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    logLine(`${signal}: shutting down`)
    stopServing().then(
      () => {
        logLine('stopped')
        process.exitCode = 0
        // Nothing of ours is left running; this only guards against a stray handle keeping the process up.
        setTimeout(() => process.exit(), 1_000).unref()
      },
      (err: unknown) => {
        logError('shutdown failed', err)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

/** `dc-agent --simulate N ...`: many virtual subclouds in this one process. */
async function simulate(argv: readonly string[]): Promise<void> {
  const config = parseSimulatorConfig(argv)
  const running = await runSimulator(config, { log: logLine, errorLog: logError })
  stopOnSignal(running.stop)
  process.stdout.write(`${running.readyLine}\n`)
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  let config
  try {
    if (isSimulatorCommandLine(argv)) {
      await simulate(argv)
      return
    }
    config = parseAgentConfig(argv)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    process.stderr.write(`dc-agent: ${err.message}\n`)
    process.exitCode = 2
    return
  }
  const agent = await Agent.open({
    store: new FileStateStore(config.stateDir),
    kubernetes: new KubernetesFileWriter(config.stateDir),
    log: logLine,
  })
  if (config.bootstrapValuesFile !== undefined) {
    const values = parseValuesYaml(await readFile(config.bootstrapValuesFile, 'utf8'))
    logLine(
      `bootstrap values from ${config.bootstrapValuesFile}: ${JSON.stringify(redactBootstrapValues(values))}`,
    )
    await agent.bootstrap(values, { epoch: 0n, controllerId: '' })
  }
  const { transport } = config
  if (transport.kind === 'plaintext' && transport.warning !== undefined) logLine(transport.warning)
  if (transport.kind === 'tls') {
    logLine(
      `mutual TLS: CA bundle ${transport.files.caFile}, certificate ${transport.files.certFile}; ` +
        'Bootstrap, Apply and Claim need a controller certificate, Platform changes a controller or admin',
    )
  }
  const server = new AgentServer({
    agent,
    listen: config.listen,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    log: logError,
    ...(transport.kind === 'tls'
      ? {
          tls: { ...transport.files, onReload: (event) => logLine(describeTlsReload(event)) },
          onDenied: logLine,
        }
      : {}),
  })
  try {
    await server.start()
  } catch (err) {
    if (!(err instanceof TlsConfigError)) throw err
    process.stderr.write(`dc-agent: ${err.message}\n`)
    process.exitCode = 1
    return
  }
  stopOnSignal(() => server.stop(SHUTDOWN_GRACE_MS))
  process.stdout.write(`dc-agent listening on ${config.listen.map((a) => a.text).join(',')}\n`)
}

main().catch((err: unknown) => {
  logError('fatal', err)
  process.exit(1)
})
