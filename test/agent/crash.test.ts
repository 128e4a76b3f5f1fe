import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Command } from '@dc/netmodel'
import { commandMessage } from '@dc/platform-service'
import type {
  AgentClient,
  ApplyResponse__Output,
  DescribeResponse__Output,
  StateSummary__Output,
} from '@dc/protos'
import { makeTempDir, removeTempDir, seededRandom } from '../support/index.js'
import { startAgent, unary } from './agent-process.js'
import type { AgentProcess } from './agent-process.js'
import { IPV6_SINGLE_STACK_VALUES } from './seed-values.js'

const CRASHES = 20
const OWNER = { epoch: '1', controller_id: 'ctl-a' }

interface Acked {
  readonly changeId: string
  readonly commands: Command[]
  readonly generation: number
}

function toggle(n: number): Command[] {
  return [{ kind: n % 2 === 0 ? 'host-lock' : 'host-unlock', host: 'controller-1' }]
}

function apply(
  client: AgentClient,
  changeId: string,
  commands: Command[],
  expected: number,
): Promise<ApplyResponse__Output> {
  return unary<ApplyResponse__Output>((o, cb) =>
    client.Apply(
      {
        change_id: changeId,
        commands: commands.map(commandMessage),
        expected_generation: String(expected),
        ...OWNER,
      },
      o,
      cb,
    ),
  )
}

const Crash = suite<{ dir: string; running: AgentProcess | undefined }>('dc-agent crash safety', {
  dir: '',
  running: undefined,
})

Crash.before(async (ctx) => {
  ctx.dir = await makeTempDir('dc-agent-crash-')
})

Crash.after(async (ctx) => {
  await ctx.running?.close()
  await removeTempDir(ctx.dir)
})

Crash(
  `dc-agent - kill -9 at ${CRASHES} random instants loses no acknowledged change and tears no state`,
  async (ctx) => {
    const random = seededRandom('CRASH_SEED')
    const where = `(${random.replay})`
    ctx.running = await startAgent({ stateDir: ctx.dir })
    let client = ctx.running.agent()
    const summary = await unary<StateSummary__Output>((o, cb) =>
      client.Bootstrap({ values_yaml: IPV6_SINGLE_STACK_VALUES, ...OWNER }, o, cb),
    )
    const acked: Acked[] = []
    let generation = Number(summary.generation)
    let next = 0

    for (let crash = 0; crash < CRASHES; crash++) {
      // A stream of changes, each acknowledged before the next is sent, until the kill lands.
      let inFlight: { changeId: string; commands: Command[] } | undefined
      let stopped = false
      const stream = (async () => {
        while (!stopped) {
          const changeId = `change-${next}`
          const commands = toggle(next)
          inFlight = { changeId, commands }
          try {
            const response = await apply(client, changeId, commands, generation)
            generation = Number(response.generation)
            acked.push({ changeId, commands, generation })
            inFlight = undefined
            next += 1
          } catch (err) {
            if (stopped) return
            throw new Error(`apply failed before the kill ${where}: ${(err as ServiceError).details}`, {
              cause: err,
            })
          }
        }
      })()
      await sleep(random.between(20, 220))
      stopped = true
      await ctx.running.process.kill9()
      await stream
      ctx.running = undefined

      // The document on disk parses and holds the last acknowledged generation, or the one in flight.
      const doc = JSON.parse(await readFile(join(ctx.dir, 'agent-state.json'), 'utf8')) as {
        state: { generation: number }
        appliedChanges: { changeId: string }[]
      }
      const last = acked.at(-1)?.generation ?? Number(summary.generation)
      const onDisk = doc.state.generation
      const allowed = inFlight === undefined ? [last] : [last, last + 1]
      assert.ok(allowed.includes(onDisk), `generation ${onDisk} on disk, acknowledged ${last} ${where}`)

      ctx.running = await startAgent({ stateDir: ctx.dir })
      client = ctx.running.agent()
      const described = await unary<DescribeResponse__Output>((o, cb) => client.Describe({}, o, cb))
      assert.is(Number(described.generation), onDisk, where)
      if (onDisk === last + 1 && inFlight !== undefined) {
        // The change in flight was made durable before the kill: it counts as applied, and its retry says so.
        const retried = await apply(client, inFlight.changeId, inFlight.commands, last)
        assert.is(retried.replayed, true, where)
        acked.push({ ...inFlight, generation: onDisk })
        next += 1
      }
      generation = onDisk
    }

    // Nothing acknowledged was lost: every change in the agent's window answers as applied, with
    // the generation it was acknowledged with.
    assert.ok(acked.length >= CRASHES, `only ${acked.length} changes acknowledged ${where}`)
    for (const change of acked.slice(-100)) {
      const again = await apply(client, change.changeId, change.commands, 0)
      assert.is(again.replayed, true, `${change.changeId} ${where}`)
      assert.is(Number(again.generation), change.generation, `${change.changeId} ${where}`)
    }
    const final = await unary<DescribeResponse__Output>((o, cb) => client.Describe({}, o, cb))
    assert.is(Number(final.generation), acked.at(-1)?.generation, where)
  },
)

Crash.run()
