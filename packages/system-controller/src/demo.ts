#!/usr/bin/env node
/**
 * `pnpm start`: a working distributed cloud on this machine in under a minute. Starts dc-controller
 * on embedded PGlite plus three subcloud agents on loopback, onboards them (the IPv4-primary one is
 * refused, and the reason shown), manages the two that deploy, prints the subcloud list and the
 * commands to try next, and runs until Ctrl-C.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { Metadata, credentials } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import { formatHostPort } from '@dc/netmodel'
import { loadProtos, unaryCall } from '@dc/protos'
import type { DcManagerClient, ListSubcloudsResponse__Output, Subcloud__Output } from '@dc/protos'
import { DEMO_CONTROLLER_VALUES, DEMO_SUBCLOUDS, valuesYaml } from './demo/demo-sites.js'

const here = dirname(fileURLToPath(import.meta.url))
const fromSource = import.meta.url.endsWith('.ts')
const ext = fromSource ? 'ts' : 'js'
/** The agent is another package's bin: the demo runs it as a process, never imports it. */
const agentEntry = resolve(here, '..', '..', 'subcloud-agent', fromSource ? 'src' : 'dist', `main.${ext}`)
const controllerEntry = join(here, `main.${ext}`)
const cliDist = resolve(here, '..', '..', 'cli', 'dist')
const DEADLINE_MS = 90_000

interface Child {
  readonly name: string
  readonly process: ChildProcess
  readonly ready: Promise<string>
  readonly output: string[]
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`)
}

function freePort(host: string): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port')),
      )
    })
  })
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
    server.once('error', () => done(false))
    server.listen({ host, port, exclusive: true }, () => server.close(() => done(true)))
  })
}

/** Runs `entry` with this Node (and its loader flags when running from source); resolves on the ready line. */
function startChild(name: string, entry: string, args: readonly string[], readyPattern: RegExp): Child {
  const child = spawn(process.execPath, [...process.execArgv, entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const ready = new Promise<string>((done, fail) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line)
        if (readyPattern.test(line)) done(line)
      })
    }
    child.once('exit', (code, signal) =>
      fail(
        new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output.slice(-20).join('\n')}`),
      ),
    )
  })
  return { name, process: child, ready, output }
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return
  const exited = new Promise((done) => child.process.once('exit', done))
  child.process.kill('SIGTERM')
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

function deadline(): { deadline: Date } {
  return { deadline: new Date(Date.now() + 15_000) }
}

async function waitForSubcloud(
  client: DcManagerClient,
  name: string,
  done: (s: Subcloud__Output) => boolean,
  what: string,
): Promise<Subcloud__Output> {
  const until = Date.now() + DEADLINE_MS
  for (;;) {
    const subcloud = await unaryCall<Subcloud__Output>((cb) =>
      client.GetSubcloud({ subcloud: name }, new Metadata(), deadline(), cb),
    )
    if (done(subcloud)) return subcloud
    if (subcloud.deploy_status.endsWith('-failed')) {
      throw new Error(`${name}: ${subcloud.deploy_status}: ${subcloud.error_description}`)
    }
    if (Date.now() > until)
      throw new Error(`${name} did not become ${what} in time (now ${subcloud.deploy_status})`)
    await sleep(250)
  }
}

/** A prettytable like `dcmanager subcloud list` prints. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`
  const line = (cells: readonly string[]): string =>
    `|${cells.map((c, i) => ` ${c.padEnd(widths[i] ?? 0)} `).join('|')}|`
  return [rule, line(headers), rule, ...rows.map(line), rule].join('\n')
}

async function main(): Promise<void> {
  const root = resolve(process.cwd(), '.tmp', 'demo')
  await rm(root, { recursive: true, force: true })
  await mkdir(root, { recursive: true })
  const children: Child[] = []
  let stopping = false
  const stopAll = async (): Promise<void> => {
    stopping = true
    // Controller first, so that it never sees its agents vanish and raises no offline alarms.
    for (const child of [...children].reverse()) await stopChild(child)
  }
  const interrupted = new Promise<void>((done) => {
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })

  try {
    say('Starting three subcloud agents on loopback...')
    const agentAddresses = new Map<string, string>()
    for (const site of DEMO_SUBCLOUDS) {
      const port = await freePort(site.listenHosts[0] ?? '::1')
      const listen = site.listenHosts.map((h) => formatHostPort(h, port))
      const stateDir = join(root, site.name)
      await mkdir(stateDir, { recursive: true })
      const agent = startChild(
        `dc-agent ${site.name}`,
        agentEntry,
        ['--listen', listen.join(','), '--state-dir', stateDir, '--heartbeat-interval-ms', '1000'],
        /listening/,
      )
      children.push(agent)
      agentAddresses.set(site.name, listen[0] ?? '')
      say(`  ${site.name.padEnd(10)} ${site.summary}: ${listen.join(', ')}`)
    }
    await Promise.all(children.map((c) => c.ready))

    const controllerHost = '127.0.0.1'
    const controllerPort = (await portIsFree(controllerHost, 50050)) ? 50050 : await freePort(controllerHost)
    const url = formatHostPort(controllerHost, controllerPort)
    const valuesFile = join(root, 'controller-bootstrap.yml')
    await writeFile(valuesFile, valuesYaml(DEMO_CONTROLLER_VALUES))
    say(
      `Starting dc-controller (dual-stack, IPv6 primary; embedded PGlite in ${join(root, 'controller')})...`,
    )
    const controller = startChild(
      'dc-controller',
      controllerEntry,
      [
        '--listen',
        url,
        '--bootstrap-values',
        valuesFile,
        '--data-dir',
        join(root, 'controller'),
        '--audit-interval-ms',
        '1000',
      ],
      /dc-controller listening/,
    )
    children.push(controller)
    say(`  ${await controller.ready}`)

    const client = new (loadProtos().dc.manager.v1.DcManager)(url, credentials.createInsecure())
    say()
    say('Onboarding (dcmanager subcloud add)...')
    for (const site of DEMO_SUBCLOUDS) {
      try {
        await unaryCall<Subcloud__Output>((cb) =>
          client.AddSubcloud(
            {
              bootstrap_address: agentAddresses.get(site.name) ?? '',
              bootstrap_values_yaml: valuesYaml(site.values),
            },
            new Metadata(),
            deadline(),
            cb,
          ),
        )
        say(`  ${site.name}: accepted, deploying in the background`)
      } catch (err) {
        const details = (err as Partial<ServiceError>).details ?? String(err)
        say(`  ${site.name}: REFUSED${site.refused ? ' (as expected)' : ''}: ${details}`)
        if (!site.refused) throw err
      }
    }
    for (const site of DEMO_SUBCLOUDS.filter((s) => !s.refused)) {
      await waitForSubcloud(client, site.name, (s) => s.deploy_status === 'complete', 'deployed')
      await waitForSubcloud(client, site.name, (s) => s.availability_status === 'online', 'online')
      await unaryCall<Subcloud__Output>((cb) =>
        client.ManageSubcloud({ subcloud: site.name }, new Metadata(), deadline(), cb),
      )
      await waitForSubcloud(client, site.name, (s) => s.sync === 'in-sync', 'in-sync')
      say(`  ${site.name}: complete, online, managed, in-sync`)
    }

    const list = await unaryCall<ListSubcloudsResponse__Output>((cb) =>
      client.ListSubclouds({}, new Metadata(), deadline(), cb),
    )
    client.close()
    say()
    say('$ dcmanager subcloud list')
    say(
      table(
        [
          'id',
          'name',
          'management',
          'availability',
          'deploy status',
          'sync',
          'backup status',
          'prestage status',
        ],
        list.subclouds.map((s) => [
          String(s.id),
          s.name,
          s.management_state,
          s.availability_status,
          s.deploy_status,
          s.sync,
          s.backup_status || 'None',
          s.prestage_status || 'None',
        ]),
      ),
    )
    say()
    say(`A distributed cloud is running. The controller listens on ${url}. Try, in another terminal:`)
    if (existsSync(join(cliDist, 'main-system.js'))) {
      for (const bin of ['system', 'dcmanager', 'fm'])
        say(`  alias ${bin}="node ${join(cliDist, `main-${bin}.js`)}"`)
    }
    say(`  export DC_URL=${url}`)
    say('  system --os-region-name subcloud1 network-list')
    say('  system --os-region-name subcloud2 addrpool-list')
    say('  dcmanager subcloud list')
    say('  dcmanager subcloud show subcloud2 --detail')
    say('  fm alarm-list')
    say()
    say('Press Ctrl-C to stop everything.')
    await Promise.race([
      interrupted,
      ...children.map(
        (c) =>
          new Promise<void>((_, fail) =>
            c.process.once('exit', () => {
              if (!stopping)
                fail(new Error(`${c.name} stopped unexpectedly:\n${c.output.slice(-20).join('\n')}`))
            }),
          ),
      ),
    ])
    say('Stopping...')
  } finally {
    await stopAll()
  }
  say('Stopped.')
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
})
