import { spawn } from 'node:child_process'
import type { ChildProcessByStdio } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseHostPort } from '@dc/netmodel'
import type { DescribeResponse__Output } from '@dc/protos'
import { unary, waitFor } from '@dc/test-support'
import { parseManifest } from '../src/simulator/simulator-manifest.js'
import type { SimulatorManifest } from '../src/simulator/simulator-manifest.js'
import { agentClient, closeClients, failure } from './simulator-fixture.js'

const MAIN = resolve(import.meta.dirname, '..', 'src', 'main.ts')
// Generous: tsx compiles the agent from source first, on a machine busy with other tests.
const READY_TIMEOUT_MS = 60_000

interface Running {
  child: ChildProcessByStdio<null, Readable, Readable>
  output: string[]
  manifest: SimulatorManifest
  /** `127.0.0.1:port` of `/metrics` */
  metrics: string
}

/** `dc-agent --simulate 3` from source, on a random free run of ports; resolves once it is ready. */
async function startProcess(dir: string): Promise<Running> {
  for (let attempt = 0; ; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 10_000)
    const metrics = `127.0.0.1:${base + 10}`
    const manifestFile = join(dir, `manifest-${attempt}.json`)
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        MAIN,
        '--simulate',
        '3',
        '--listen-base',
        `[::1]:${base}`,
        '--mix',
        '1:1:1',
        '--manifest',
        manifestFile,
        '--metrics-listen',
        metrics,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const output: string[] = []
    const ready = await new Promise<boolean>((resolveReady, rejectReady) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        rejectReady(new Error(`simulator not ready after ${READY_TIMEOUT_MS} ms:\n${output.join('\n')}`))
      }, READY_TIMEOUT_MS)
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          output.push(line)
          if (!line.startsWith('dc-agent simulating ')) return
          clearTimeout(timer)
          resolveReady(true)
        })
      }
      child.once('exit', () => {
        clearTimeout(timer)
        resolveReady(false)
      })
    })
    if (ready) {
      return { child, output, manifest: parseManifest(await readFile(manifestFile, 'utf8')), metrics }
    }
    if (attempt >= 5 || !output.join('\n').includes('EADDRINUSE'))
      throw new Error(`simulator did not start:\n${output.join('\n')}`)
  }
}

function control(address: string, line: string): Promise<string> {
  const { host, port } = parseHostPort(address)
  return new Promise((resolveAnswer, reject) => {
    const socket = connect({ host: host.toString(), port }, () => socket.write(`${line}\n`))
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to '${line}' in 10000 ms`)))
    socket.once('error', reject)
    createInterface({ input: socket }).once('line', (answer) => {
      socket.destroy()
      resolveAnswer(answer)
    })
  })
}

function describe(address: string): Promise<DescribeResponse__Output> {
  const client = agentClient(address)
  return unary<DescribeResponse__Output>((o, cb) => client.Describe({}, o, cb))
}

const DcAgentSimulate = suite('dc-agent --simulate')

DcAgentSimulate(
  'dc-agent --simulate - serves its manifest, obeys its control port, and stops on SIGTERM',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dc-sim-'))
    let running: Running | undefined
    try {
      running = await startProcess(dir)
      const { manifest, child } = running
      assert.equal(
        manifest.subclouds.map((s) => [s.name, s.family, s.secondary !== null]),
        [
          ['subcloud1', 'ipv6', false],
          ['subcloud2', 'dual', true],
          ['subcloud3', 'ipv4', false],
        ],
      )
      assert.match(manifest.controllerValuesYaml, /distributed_cloud_role: "systemcontroller"/)
      const [first, second] = manifest.subclouds
      if (first === undefined || second === undefined) throw new Error('manifest lists three subclouds')
      assert.not.ok((await describe(first.primary)).bootstrapped)
      const scraped = await (await fetch(`http://${running.metrics}/metrics`)).text()
      assert.match(scraped, /^dc_agent_bootstrapped\{subcloud="subcloud3"\} 0$/m)
      assert.match(
        scraped,
        new RegExp(
          `^dc_agent_calls_total\\{subcloud="subcloud1",method="/dc.agent.v1.Agent/Describe",local_address="\\[::1\\]:\\d+"\\} 1$`,
          'm',
        ),
      )
      for (const line of running.output.filter((l) => !l.startsWith('dc-agent simulating '))) {
        assert.type((JSON.parse(line) as { msg?: unknown }).msg, 'string', line)
      }
      assert.match(await control(manifest.control, 'kill subcloud2'), /^ok kill 1 \d+$/)
      assert.is((await failure(describe(second.primary))).code, status.UNAVAILABLE)
      child.kill('SIGTERM')
      await waitFor(() => child.exitCode !== null || child.signalCode !== null, {
        timeoutMs: 30_000,
        intervalMs: 20,
        message: 'the simulator to exit on SIGTERM',
      })
      assert.is(child.exitCode, 0)
    } finally {
      closeClients()
      running?.child.kill('SIGKILL')
      await rm(dir, { recursive: true, force: true })
    }
  },
)

DcAgentSimulate.run()
