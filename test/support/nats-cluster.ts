import { freePort, type LoopbackHost } from './free-port.js'
import { hostPort } from './host-port.js'
import { startNatsServer, type NatsServer } from './nats-server.js'

/** Where one node of the cluster listens and routes, for the config it is started from. */
export interface NatsClusterNode {
  /** 0, 1 or 2: also names the node (`nats-0`...). */
  readonly index: number
  /** Client `host:port`. */
  readonly listen: string
  readonly storeDir: string
  /** The node's route settings, in the shape `renderNatsServerConfig` takes as `cluster`. */
  readonly cluster: {
    readonly serverName: string
    readonly name: string
    readonly listen: string
    readonly routes: readonly string[]
  }
}

export interface StartNatsClusterOptions {
  /** Loopback host every node listens on. @default '127.0.0.1' */
  host?: LoopbackHost
  /** Nodes. @default 3 */
  size?: number
  /** The text of one node's configuration (see `StartNatsServerOptions.config`). */
  config: (node: NatsClusterNode) => string
  /**
   * The last `deferred` nodes are left for {@link NatsCluster.startDeferred}: the nodes started
   * alone form no majority, so JetStream answers nothing yet, as in a cluster still coming up.
   * @default 0
   */
  deferred?: number
  signal?: AbortSignal
}

/** A JetStream cluster of real nats-server processes on loopback. */
export interface NatsCluster {
  readonly nodes: readonly NatsServer[]
  /** Every node's client URL, comma-separated, as a NATS client takes a server list. */
  readonly urls: string
  /** Starts the nodes held back by `deferred`, appending them to {@link nodes}. */
  startDeferred(): Promise<void>
  /** Stops every node and removes their stores. */
  stop(): Promise<void>
}

/**
 * Starts `size` nats-servers whose routes point at each other. Resolves once each process is up;
 * the cluster elects its JetStream meta leader afterwards (a client sees that as JetStream
 * answering).
 */
export async function startNatsCluster(options: StartNatsClusterOptions): Promise<NatsCluster> {
  const { host = '127.0.0.1', size = 3, signal } = options
  const routePorts = await Promise.all(Array.from({ length: size }, () => freePort(host)))
  const routes = routePorts.map((port) => hostPort(host, port))
  const nodes: NatsServer[] = []
  const startNode = (index: number): Promise<NatsServer> =>
    startNatsServer({
      host,
      ...(signal === undefined ? {} : { signal }),
      config: ({ listen, storeDir }) =>
        options.config({
          index,
          listen,
          storeDir,
          cluster: {
            serverName: `nats-${index}`,
            name: 'dc-test',
            listen: routes[index] ?? '',
            routes: routes.filter((_, i) => i !== index),
          },
        }),
    })
  const startUpTo = async (end: number): Promise<void> => {
    try {
      while (nodes.length < end) nodes.push(await startNode(nodes.length))
    } catch (err) {
      await Promise.all(nodes.map((n) => n.stop()))
      throw err
    }
  }
  await startUpTo(size - (options.deferred ?? 0))
  return {
    nodes,
    get urls() {
      return nodes.map((n) => n.url).join(',')
    },
    startDeferred: () => startUpTo(size),
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()))
    },
  }
}
