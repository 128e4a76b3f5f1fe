import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { credentials } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type { DcManagerClient, PlatformClient } from '@dc/protos'
import { freePort, hostPort } from '@dc/test/support/index.js'
import { spawnBenchNode } from './spawn-bench-node.js'
import type { ServiceProcess } from '@dc/test/support/index.js'

/** Deadline of one call to a bench controller: generous, since a loaded machine answers slowly. */
export const CALL_TIMEOUT_MS = 60_000

/** dc-controller as the bench drives it: a child process and clients on its address. */
export interface BenchController {
  readonly process: ServiceProcess
  readonly address: string
  readonly dcManager: DcManagerClient
  readonly platform: PlatformClient
  stop(): Promise<void>
}

const ATTEMPTS = 3
// A subcloud list of a 10,000-site fleet is larger than grpc-js's default 4 MiB.
const CLIENT_OPTIONS = { 'grpc.max_receive_message_length': -1 }

export interface BenchControllerOptions {
  /** Names its files in `dir` and its output. */
  readonly name: string
  readonly valuesYaml: string
  readonly databaseUrl: string
  readonly dir: string
  /** More flags (the NATS link of a geo-redundant pair). */
  readonly args?: readonly string[]
}

/**
 * Start dc-controller from source with its default audit settings, on PostgreSQL at `databaseUrl`
 * and a free IPv4 loopback port.
 */
export async function startBenchController(options: BenchControllerOptions): Promise<BenchController> {
  const valuesFile = join(options.dir, `${options.name}-values.yml`)
  await writeFile(valuesFile, options.valuesYaml)
  let last: unknown
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const address = hostPort('127.0.0.1', await freePort('127.0.0.1'))
    try {
      const process = await spawnBenchNode(
        'dc-controller',
        [
          '--listen',
          address,
          '--bootstrap-values',
          valuesFile,
          '--data-dir',
          join(options.dir, options.name),
          ...(options.args ?? []),
        ],
        {
          env: { DATABASE_URL: options.databaseUrl },
          readyPattern: /^dc-controller listening on /,
          readyTimeoutMs: 120_000,
          name: `dc-controller ${options.name}`,
        },
      )
      const { dc } = loadProtos()
      const dcManager = new dc.manager.v1.DcManager(address, credentials.createInsecure(), CLIENT_OPTIONS)
      const platform = new dc.platform.v1.Platform(address, credentials.createInsecure(), CLIENT_OPTIONS)
      return {
        process,
        address,
        dcManager,
        platform,
        stop: async () => {
          dcManager.close()
          platform.close()
          await process.stop('SIGTERM', 30_000)
        },
      }
    } catch (err) {
      last = err
      if (!/EADDRINUSE|No address added/i.test(String(err))) throw err
    }
  }
  throw last
}
