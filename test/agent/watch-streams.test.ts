import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { ClientReadableStream } from '@grpc/grpc-js'
import type { WatchEvent__Output } from '@dc/protos'
import { makeTempDir, removeTempDir, waitFor } from '../support/index.js'
import { startAgent } from './agent-process.js'
import type { AgentProcess } from './agent-process.js'

// Each Watch stream once added an abort listener to the server's one shutdown signal: more than
// ten at a time made Node warn of a memory leak (MaxListenersExceededWarning).

const STREAMS = 24

interface Ctx {
  dir: string
  agent: AgentProcess | undefined
}

const test = suite<Ctx>('dc-agent Watch streams', { dir: '', agent: undefined })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-agent-watch-')
  c.agent = await startAgent({ stateDir: c.dir, args: ['--heartbeat-interval-ms', '200'] })
})

test.after(async (c) => {
  await c.agent?.close()
  await removeTempDir(c.dir)
})

test(`dc-agent - ${STREAMS} concurrent Watch streams, opened and closed twice, and no listener warning`, async (c) => {
  const agent = c.agent
  if (agent === undefined) throw new Error('agent not started')
  for (let round = 0; round < 2; round++) {
    const heard = new Array<number>(STREAMS).fill(0)
    const streams: ClientReadableStream<WatchEvent__Output>[] = []
    for (let i = 0; i < STREAMS; i++) {
      const stream = agent.agent().Watch({ heartbeat_interval_ms: 200 })
      stream.on('data', () => (heard[i] = (heard[i] ?? 0) + 1))
      stream.on('error', () => undefined)
      streams.push(stream)
    }
    // A status and a heartbeat on every stream: all of them open at once.
    await waitFor(() => heard.every((n) => n >= 2) || undefined, {
      timeoutMs: 60_000,
      intervalMs: 100,
      message: `every one of ${STREAMS} streams hears the agent`,
    })
    for (const stream of streams) stream.cancel()
  }
  const output = agent.process.output()
  assert.not.match(output, /MaxListenersExceededWarning|memory leak/, output)
})

test.run()
