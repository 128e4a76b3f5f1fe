import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort, type LoopbackHost } from './free-port.js'
import { findExecutable } from './find-executable.js'
import { hostPort } from './host-port.js'
import { installDebianPackage } from './install-debian-package.js'
import { spawnService, type ServiceProcess } from './processes.js'
import { makeTempDir, removeTempDir } from './temp-dir.js'

export interface StartNatsServerOptions {
  /** Enable JetStream with its store in a private temp dir. @default true */
  jetstream?: boolean
  /**
   * Listen address. Outside a namespace it must be loopback so no test traffic leaves the machine.
   * @default '127.0.0.1'
   */
  host?: string
  /** Listen port. @default a free port on `host`; 4222 inside `netns`, where nothing else listens */
  port?: number
  /** Run the server inside this network namespace (see `createSite`). */
  netns?: string
  /**
   * Run from a configuration file instead of flags (accounts, users, permissions, TLS): called with
   * where to listen and where JetStream keeps its files, it returns the file's text. The config
   * must itself listen on `listen` and enable JetStream in `storeDir`.
   */
  config?: (where: { listen: string; storeDir: string }) => string
  signal?: AbortSignal
}

/** A private nats-server for one test run. It never touches a machine-wide server on 4222. */
export interface NatsServer {
  /** Client URL, e.g. `nats://127.0.0.1:40123`. */
  readonly url: string
  readonly host: string
  readonly port: number
  /** JetStream store directory (a temp dir), or undefined without JetStream. */
  readonly storeDir: string | undefined
  /** The running server process (a new one after {@link restart}). */
  readonly process: ServiceProcess
  /** Stops the server (SIGTERM, then SIGKILL after a grace time) and removes its store dir. */
  stop(): Promise<void>
  /** Kills the server at once, as a crash would; call {@link stop} afterwards to clean up. */
  kill(): void
  /** SIGKILLs the server and waits until it is gone; its store stays for {@link restart}. */
  kill9(): Promise<void>
  /** Starts the server again, same address, configuration and JetStream store, after a kill. */
  restart(): Promise<void>
}

const NATS_SERVER_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/bin']
const START_ATTEMPTS = 3

async function natsServerBinary(signal: AbortSignal | undefined): Promise<string> {
  const found = findExecutable('nats-server', NATS_SERVER_DIRS)
  if (found !== undefined) return found
  await installDebianPackage('nats-server', { purpose: 'nats-server', signal })
  const installed = findExecutable('nats-server', NATS_SERVER_DIRS)
  if (installed === undefined)
    throw new Error('installed Debian package nats-server but found no nats-server binary')
  return installed
}

function isLoopback(host: string): host is LoopbackHost {
  return host === '127.0.0.1' || host === '::1'
}

/**
 * Starts nats-server on a free port, JetStream on and stored in a temp dir, and resolves once it
 * reports "Server is ready". Installs Debian's `nats-server` when it is missing and the run is root.
 *
 * @example
 * const nats = await startNatsServer({ jetstream: true })
 * const nc = await connect({ servers: nats.url })
 * ...
 * await nats.stop()
 */
export async function startNatsServer(options: StartNatsServerOptions = {}): Promise<NatsServer> {
  const { jetstream = true, host = '127.0.0.1', netns, signal, config } = options
  if (netns === undefined && !isLoopback(host)) {
    throw new Error(`nats-server outside a namespace listens on loopback only, not ${host}`)
  }
  const binary = await natsServerBinary(signal)
  const storeDir = jetstream || config !== undefined ? await makeTempDir('dct-nats-') : undefined
  let lastError: unknown
  // A free port can be taken between our probe and the server's bind; only then retry.
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const port = options.port ?? (isLoopback(host) && netns === undefined ? await freePort(host) : 4222)
    let args = ['-a', host, '-p', String(port), ...(storeDir === undefined ? [] : ['-js', '-sd', storeDir])]
    if (config !== undefined && storeDir !== undefined) {
      const file = join(storeDir, 'nats.conf')
      await writeFile(file, config({ listen: hostPort(host, port), storeDir: join(storeDir, 'jetstream') }))
      args = ['-c', file]
    }
    const spawn = (): Promise<ServiceProcess> =>
      spawnService(binary, args, { netns, signal, name: 'nats-server', readyPattern: /Server is ready/ })
    try {
      let proc = await spawn()
      return {
        url: `nats://${hostPort(host, port)}`,
        host,
        port,
        storeDir,
        get process() {
          return proc
        },
        stop: async () => {
          await proc.stop('SIGTERM')
          if (storeDir !== undefined) await removeTempDir(storeDir)
        },
        kill: () => void proc.kill9(),
        kill9: () => proc.kill9(),
        restart: async () => {
          if (proc.exitStatus() === undefined) throw new Error('nats-server is still running')
          proc = await spawn()
        },
      }
    } catch (error) {
      lastError = error
      const portTaken = error instanceof Error && /address already in use/i.test(error.message)
      if (!portTaken || options.port !== undefined) break
    }
  }
  if (storeDir !== undefined) await removeTempDir(storeDir)
  throw lastError
}
