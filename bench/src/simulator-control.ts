import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { createInterface } from 'node:readline'
import { parseHostPort } from '@dc/netmodel'

/** A fault applied by a simulator: how many sites, and when (wall clock, epoch ms). */
export interface FaultAck {
  readonly count: number
  readonly atMs: number
}

/** A client of one simulator's control port: one connection, one command at a time. */
export class SimulatorControl {
  readonly #socket: Socket
  readonly #waiting: ((line: string) => void)[] = []
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(socket: Socket) {
    this.#socket = socket
    createInterface({ input: socket }).on('line', (line) => this.#waiting.shift()?.(line))
    socket.on('close', () => {
      for (const waiter of this.#waiting.splice(0)) waiter('error control connection closed')
    })
  }

  static async connect(address: string): Promise<SimulatorControl> {
    const { host, port } = parseHostPort(address)
    const socket = connect({ host: host.toString(), port })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    socket.on('error', () => socket.destroy())
    return new SimulatorControl(socket)
  }

  /** Send `line`; resolves with the answer line. */
  send(line: string): Promise<string> {
    const run = this.#queue.then(
      () =>
        new Promise<string>((resolve) => {
          this.#waiting.push(resolve)
          this.#socket.write(`${line}\n`)
        }),
    )
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** `kill|revive|freeze|thaw NAME` or `slow NAME MS`; throws on an `error` answer. */
  async fault(line: string): Promise<FaultAck> {
    const answer = await this.send(line)
    const match = /^ok \S+ (\d+) (\d+)$/.exec(answer)
    if (match === null) throw new Error(`simulator refused '${line}': ${answer}`)
    return { count: Number(match[1]), atMs: Number(match[2]) }
  }

  close(): void {
    this.#socket.destroy()
  }
}
