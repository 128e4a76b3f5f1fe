import { connect } from 'node:net'
import { createInterface } from 'node:readline'
import { suite } from 'uvu'
import type { Test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseHostPort } from '@dc/netmodel'
import { runControlLine, startControlServer } from '../src/simulator/control-protocol.js'
import type { Simulator } from '../src/simulator/simulator.js'
import { startTestSimulator } from './simulator-fixture.js'

interface Ctx {
  simulator: Simulator | undefined
}

function started(ctx: Ctx): Simulator {
  if (ctx.simulator === undefined) throw new Error('simulator not started')
  return ctx.simulator
}

/** A simulator of `count` sites for the suite, started before its first test, stopped after its last. */
function runSimulator(test: Test<Ctx>, count: number): void {
  test.before(async (ctx) => {
    ctx.simulator = await startTestSimulator(count)
  })
  test.after(async (ctx) => {
    await ctx.simulator?.stop()
  })
}

const RunControlLine = suite<Ctx>('runControlLine', { simulator: undefined })

runSimulator(RunControlLine, 3)

RunControlLine('runControlLine - applies each fault to the named site and says when', async (ctx) => {
  const simulator = started(ctx)
  const before = Date.now()
  const answer = await runControlLine(simulator, 'freeze subcloud2')
  const [ok, verb, count, at] = answer.split(' ')
  assert.equal([ok, verb, count], ['ok', 'freeze', '1'])
  assert.ok(Number(at) >= before && Number(at) <= Date.now(), answer)
  assert.ok(simulator.site('subcloud2')?.faults.frozen)
  assert.not.ok(simulator.site('subcloud1')?.faults.frozen)
  assert.match(await runControlLine(simulator, 'slow subcloud3 250'), /^ok slow 1 /)
  assert.is(simulator.site('subcloud3')?.faults.latencyMs, 250)
  assert.match(await runControlLine(simulator, 'kill subcloud1'), /^ok kill 1 /)
  assert.match(
    await runControlLine(simulator, 'status subcloud1'),
    /^ok status subcloud1 killed frozen=false latency_ms=0 connections=0$/,
  )
  assert.match(await runControlLine(simulator, 'revive subcloud1'), /^ok revive 1 /)
  assert.is(simulator.site('subcloud1')?.lifecycle, 'serving')
})

RunControlLine('runControlLine - * reaches every site', async (ctx) => {
  const simulator = started(ctx)
  assert.match(await runControlLine(simulator, 'thaw *'), /^ok thaw 3 /)
  assert.match(await runControlLine(simulator, 'slow * 0'), /^ok slow 3 /)
  assert.ok(simulator.sites.every((s) => !s.faults.frozen && s.faults.latencyMs === 0))
})

RunControlLine('runControlLine - answers errors on one line and changes nothing', async (ctx) => {
  const simulator = started(ctx)
  for (const line of [
    '',
    'explode subcloud1',
    'kill',
    'kill nosuch',
    'kill subcloud1 now',
    'slow subcloud1',
    'slow subcloud1 fast',
  ]) {
    assert.match(await runControlLine(simulator, line), /^error /, line)
  }
  assert.ok(simulator.sites.every((s) => s.lifecycle === 'serving' && s.faults.latencyMs === 0))
})

const StartControlServer = suite<Ctx>('startControlServer', { simulator: undefined })

runSimulator(StartControlServer, 2)

StartControlServer('startControlServer - answers each line over TCP, in order', async (ctx) => {
  const simulator = started(ctx)
  const control = await startControlServer(simulator, '127.0.0.1', 0)
  try {
    const { host, port } = parseHostPort(control.address)
    const socket = connect({ host: host.toString(), port })
    const lines = createInterface({ input: socket })
    const answers: string[] = []
    const done = new Promise<void>((resolve) =>
      lines.on('line', (line) => {
        answers.push(line)
        if (answers.length === 3) resolve()
      }),
    )
    socket.write('freeze subcloud1\nstatus subcloud1\nbogus\n')
    await done
    socket.destroy()
    assert.match(answers[0] ?? '', /^ok freeze 1 \d+$/)
    assert.match(answers[1] ?? '', /^ok status subcloud1 serving frozen=true /)
    assert.match(answers[2] ?? '', /^error unknown command 'bogus'/)
  } finally {
    await control.close()
  }
})

RunControlLine.run()
StartControlServer.run()
