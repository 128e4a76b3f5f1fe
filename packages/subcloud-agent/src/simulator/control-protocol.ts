import { createServer } from 'node:net'
import type { AddressInfo, Server as NetServer, Socket } from 'node:net'
import { createInterface } from 'node:readline'
import { formatHostPort } from '@dc/netmodel'
import type { SimulatedSite } from './simulated-site.js'
import type { Simulator } from './simulator.js'

/** The fault controls, one command a line; `NAME` may be `*` for every site. */
export const CONTROL_COMMANDS = [
  'kill NAME      close its listeners and connections, as when its agent process dies',
  'revive NAME    listen again, with the state it had',
  'freeze NAME    hold every call and heartbeat, connections left open',
  'thaw NAME      release what was held and answer again',
  'slow NAME MS   delay every step of every call by MS (0: no delay)',
  'status NAME    lifecycle, faults and open connections',
] as const

const VERBS: ReadonlySet<string> = new Set(['help', ...CONTROL_COMMANDS.map((c) => c.split(' ')[0] ?? '')])
const MAX_LINE_LENGTH = 1024

function targets(simulator: Simulator, name: string | undefined): readonly SimulatedSite[] {
  if (name === undefined || name === '') throw new Error('a site name (or *) is required')
  if (name === '*') return simulator.sites
  const site = simulator.site(name)
  if (site === undefined) throw new Error(`no simulated site ${name}`)
  return [site]
}

function describe(site: SimulatedSite): string {
  return (
    `${site.name} ${site.lifecycle} frozen=${site.faults.frozen} latency_ms=${site.faults.latencyMs} ` +
    `connections=${site.connections}`
  )
}

/**
 * Run one control line. The answer is one line: `ok VERB COUNT AT_MS` (AT_MS: wall-clock epoch
 * milliseconds when the fault took effect on every target), `ok status ...`, or `error MESSAGE`.
 */
export async function runControlLine(simulator: Simulator, line: string): Promise<string> {
  const [verb = '', name, arg, ...rest] = line.trim().split(/\s+/)
  try {
    if (!VERBS.has(verb)) throw new Error(`unknown command '${verb}'; try help`)
    const arity = verb === 'help' ? 0 : verb === 'slow' ? 2 : 1
    if ([name, arg, ...rest].filter((a) => a !== undefined).length > arity) {
      throw new Error(`too many arguments: '${line.trim()}'`)
    }
    const sites = verb === 'help' ? [] : targets(simulator, name)
    switch (verb) {
      case 'kill':
        for (const site of sites) site.kill()
        break
      case 'revive':
        for (const site of sites) await site.listen()
        break
      case 'freeze':
        for (const site of sites) site.faults.freeze()
        break
      case 'thaw':
        for (const site of sites) site.faults.thaw()
        break
      case 'slow': {
        if (arg === undefined || !/^\d{1,7}$/.test(arg))
          throw new Error('slow takes NAME and whole milliseconds')
        for (const site of sites) site.faults.setLatency(Number(arg))
        break
      }
      case 'status':
        return `ok status ${sites.map(describe).join('; ')}`
      case 'help':
        return `ok help ${CONTROL_COMMANDS.join('; ')}`
      default:
        throw new Error(`unknown command '${verb}'; try help`)
    }
    return `ok ${verb} ${sites.length} ${Date.now()}`
  } catch (err) {
    return `error ${err instanceof Error ? err.message : String(err)}`
  }
}

/** A listening control port: one command per line in, one answer per line out. */
export interface ControlServer {
  /** `host:port` it listens on, IPv6 bracketed. */
  readonly address: string
  close(): Promise<void>
}

/** Serve {@link runControlLine} on `host:port` (port 0: any free port); commands run one at a time. */
export async function startControlServer(
  simulator: Simulator,
  host: string,
  port: number,
): Promise<ControlServer> {
  let queue: Promise<unknown> = Promise.resolve()
  const sockets = new Set<Socket>()
  const server: NetServer = createServer((socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.setEncoding('utf8')
    socket.on('error', () => socket.destroy())
    const lines = createInterface({ input: socket, crlfDelay: Infinity })
    lines.on('line', (line) => {
      if (line.length > MAX_LINE_LENGTH) {
        socket.end('error line too long\n')
        return
      }
      if (line.trim() === '') return
      queue = queue.then(async () => {
        const answer = await runControlLine(simulator, line)
        if (socket.writable) socket.write(`${answer}\n`)
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host, port }, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const bound = server.address() as AddressInfo
  return {
    address: formatHostPort(bound.address, bound.port),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}
