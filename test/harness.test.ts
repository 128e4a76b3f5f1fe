import { existsSync } from 'node:fs'
import { readdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import pg from 'pg'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  canConnect,
  createSite,
  destroyAll,
  freePort,
  makeTempDir,
  netnsAvailable,
  removeTempDir,
  resolveNodeEntry,
  runCommand,
  runNode,
  spawnService,
  startNatsServer,
  startPostgres,
  waitFor,
  type ServiceProcess,
  type Site,
} from './support/index.js'

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error })
  }
  throw new Error('expected a rejection')
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}

const FreePort = suite('freePort')

FreePort('freePort - returns a port a server can then bind on IPv4 and IPv6 loopback', async () => {
  for (const host of ['127.0.0.1', '::1'] as const) {
    const port = await freePort(host)
    assert.ok(port > 0 && port < 65536, `port ${port}`)
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, resolve)
    })
    assert.ok(await canConnect(host, port), `connect to ${host}:${port}`)
    await new Promise((resolve) => server.close(resolve))
  }
})

FreePort.run()

const SpawnService = suite('spawnService')

SpawnService('spawnService - resolves once the ready line appears and keeps the output', async () => {
  const script = "console.log('booting'); console.error('ready on 1234'); setInterval(() => {}, 1000)"
  const proc = await spawnService(process.execPath, ['-e', script], { readyPattern: /ready on \d+/ })
  try {
    assert.ok(proc.pid > 0)
    const lines = await waitFor(() => (proc.lines().length >= 2 ? proc.lines() : undefined))
    assert.equal([...lines].sort(), ['booting', 'ready on 1234'])
    assert.match(proc.output(), 'booting')
    assert.is(proc.exitStatus(), undefined)
  } finally {
    await proc.stop()
  }
  assert.equal(proc.exitStatus(), { code: null, signal: 'SIGTERM' })
})

SpawnService('spawnService - stop resolves with the exit code of a graceful shutdown', async () => {
  const script =
    "process.on('SIGTERM', () => process.exit(7)); console.log('up'); setInterval(() => {}, 1000)"
  const proc = await spawnService(process.execPath, ['-e', script], { readyPattern: /^up$/ })
  assert.is(await proc.stop('SIGTERM'), 7)
  assert.is(await proc.stop(), 7, 'a second stop reports the same exit')
})

SpawnService('spawnService - rejects with the output when the process exits before it is ready', async () => {
  const script = "console.error('config file missing'); process.exit(3)"
  const error = await rejection(spawnService(process.execPath, ['-e', script], { readyPattern: /listening/ }))
  assert.match(error.message, 'exited with status 3')
  assert.match(error.message, 'config file missing')
})

SpawnService('spawnService - rejects after readyTimeoutMs when the ready line never comes', async () => {
  const script = "console.log('still starting'); setInterval(() => {}, 1000)"
  const started = spawnService(process.execPath, ['-e', script], {
    readyPattern: /listening/,
    readyTimeoutMs: 300,
  })
  const error = await rejection(started)
  assert.match(error.message, 'printed no line matching /listening/')
  assert.match(error.message, 'still starting')
})

SpawnService('spawnService - kill9 kills the whole process group, children included', async () => {
  // The child forks a grandchild and prints its pid; both must be gone after kill9.
  const script = [
    "const { spawn } = require('node:child_process')",
    "const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })",
    'console.log(`grandchild ${g.pid}`)',
    'setInterval(() => {}, 1000)',
  ].join('\n')
  const proc = await spawnService(process.execPath, ['-e', script], { readyPattern: /grandchild \d+/ })
  const grandchild = Number(/grandchild (\d+)/.exec(await proc.waitForLine(/grandchild/))?.[1])
  await proc.kill9()
  assert.equal(proc.exitStatus(), { code: null, signal: 'SIGKILL' })
  const alive = (): boolean => {
    try {
      process.kill(grandchild, 0)
      return true
    } catch {
      return false
    }
  }
  await waitFor(() => !alive(), { message: `grandchild ${grandchild} to die` })
})

SpawnService.run()

const RunNode = suite('runNode')

RunNode('runNode - runs a TypeScript file through tsx and returns its output and status', async () => {
  const dir = await makeTempDir()
  try {
    const file = join(dir, 'entry.ts')
    await writeFile(
      file,
      'const n: number = Number(process.argv[2]) * 2\nconsole.log(`twice ${n}`)\nprocess.exitCode = 4\n',
    )
    const result = await runNode(file, ['21'])
    assert.is(result.stdout.trim(), 'twice 42')
    assert.is(result.code, 4)
  } finally {
    await removeTempDir(dir)
  }
})

RunNode('runNode - names the known bins when the bin does not exist', () => {
  assert.throws(() => resolveNodeEntry('no-such-bin'), /no workspace package has a bin named no-such-bin/)
})

RunNode.run()

const StartNatsServer = suite('startNatsServer')

StartNatsServer('startNatsServer - serves a publish/subscribe round trip and JetStream streams', async () => {
  const nats = await startNatsServer({ jetstream: true })
  const storeDir = nats.storeDir
  try {
    assert.is.not(nats.port, 4222, 'never the machine-wide server')
    assert.is(nats.url, `nats://127.0.0.1:${nats.port}`)
    const nc = await connect({ servers: nats.url })
    try {
      // The timeout ends the iteration below with an error if the message never comes.
      const sub = nc.subscribe('dct.echo', { max: 1, timeout: 20_000 })
      nc.publish('dct.echo', 'hello over nats')
      let received = ''
      for await (const message of sub) received = message.string()
      assert.is(received, 'hello over nats')

      const jsm = await jetstreamManager(nc)
      await jsm.streams.add({ name: 'DCT_EVENTS', subjects: ['dct.events.>'] })
      const ack = await jetstream(nc).publish('dct.events.subcloud1', 'added')
      assert.is(ack.stream, 'DCT_EVENTS')
      assert.is(ack.seq, 1)
      assert.is((await jsm.streams.info('DCT_EVENTS')).state.messages, 1)
    } finally {
      await nc.drain()
    }
    assert.ok(
      storeDir !== undefined && existsSync(join(storeDir, 'jetstream')),
      'JetStream stored in its temp dir',
    )
  } finally {
    await nats.stop()
  }
  assert.not.ok(storeDir !== undefined && existsSync(storeDir), 'store dir removed on stop')
  assert.not.ok(await canConnect('127.0.0.1', nats.port), 'server gone after stop')
})

StartNatsServer('startNatsServer - kill ends the server at once, like a crash', async () => {
  const nats = await startNatsServer({ jetstream: false, host: '::1' })
  try {
    assert.is(nats.url, `nats://[::1]:${nats.port}`)
    assert.ok(await canConnect('::1', nats.port))
    nats.kill()
    const status = await nats.process.exited
    assert.is(status.signal, 'SIGKILL')
  } finally {
    await nats.stop()
  }
})

StartNatsServer.run()

const StartPostgres = suite('startPostgres')

StartPostgres('startPostgres - starts a private cluster and hands out fresh databases', async () => {
  const postgres = await startPostgres({ databaseUrl: null })
  const port = Number(new URL(postgres.url).port)
  try {
    assert.is(postgres.mode, 'private')
    assert.match(postgres.url, /^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/)
    assert.is.not(port, 5432, 'not the machine-wide server')
    const firstUrl = await postgres.createDatabase('store')
    const secondUrl = await postgres.createDatabase()
    assert.is.not(firstUrl, secondUrl)
    assert.match(new URL(firstUrl).pathname, /_store$/)

    await query(firstUrl, 'CREATE TABLE subcloud (name text PRIMARY KEY, primary_family text NOT NULL)')
    await query(firstUrl, "INSERT INTO subcloud VALUES ('subcloud1', 'IPv6')")
    const rows = await query<{ name: string; primary_family: string }>(firstUrl, 'SELECT * FROM subcloud')
    assert.equal(rows, [{ name: 'subcloud1', primary_family: 'IPv6' }])
    const tables = await query<{ n: string }>(
      secondUrl,
      "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'subcloud'",
    )
    assert.equal(tables, [{ n: '0' }], 'the second database is a different, empty one')
  } finally {
    await postgres.stop()
  }
  assert.not.ok(await canConnect('127.0.0.1', port), 'cluster stopped')
})

StartPostgres(
  'startPostgres - with databaseUrl creates databases on that server and drops them on stop',
  async () => {
    // The machine's own server when it runs (DATABASE_URL mode as CI would use it), else a private
    // cluster standing in for it: either way a real server the harness did not create databases on.
    const machineServerUp = await canConnect('127.0.0.1', 5432)
    const host = machineServerUp ? undefined : await startPostgres({ databaseUrl: null })
    const serverUrl =
      process.env['DATABASE_URL'] ?? host?.url ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
    try {
      const postgres = await startPostgres({ databaseUrl: serverUrl })
      let name = ''
      try {
        assert.is(postgres.mode, 'external')
        const url = await postgres.createDatabase('ext')
        name = new URL(url).pathname.slice(1)
        const rows = await query<{ db: string }>(url, 'SELECT current_database() AS db')
        assert.equal(rows, [{ db: name }])
      } finally {
        await postgres.stop()
      }
      const left = await query(serverUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)
      assert.is(left.length, 0, `database ${name} dropped on stop`)
    } finally {
      await host?.stop()
    }
  },
)

StartPostgres.run()

const CreateSite = suite('createSite')

const ECHO_SERVER = `
const net = require('node:net')
const hosts = process.env.HOSTS.split(',')
let pending = hosts.length
for (const host of hosts) {
  net.createServer((s) => s.end(s.remoteAddress + '\\n')).listen(7000, host, () => {
    if (--pending === 0) console.log('listening')
  })
}`

const ECHO_CLIENT = `
const socket = require('node:net').connect({ host: process.env.TARGET, port: 7000 })
let reply = ''
socket.setTimeout(30000, () => { console.error('timeout'); process.exit(2) })
socket.on('data', (chunk) => (reply += chunk))
socket.on('end', () => process.stdout.write(reply))
socket.on('error', (error) => { console.error(error.message); process.exit(1) })`

/** Starts a TCP server in `site` on `hosts` that answers every connection with the peer's address. */
function echoServer(site: Site, hosts: readonly (string | undefined)[]): Promise<ServiceProcess> {
  return site.spawn(process.execPath, ['-e', ECHO_SERVER], {
    env: { HOSTS: hosts.filter(Boolean).join(',') },
    readyPattern: /listening/,
  })
}

/** Connects from `site` to `target`'s echo server; resolves with the address the server saw. */
async function echoFrom(site: Site, target: string | undefined): Promise<string> {
  const result = await site.exec(process.execPath, ['-e', ECHO_CLIENT], { env: { TARGET: target } })
  assert.is(result.code, 0, `${site.name} -> ${target}: ${result.stderr}`)
  return result.stdout.trim()
}

/** Checks `from` reaches `to` on both families and `to` sees `from`'s own address (no NAT). */
async function assertReaches(from: Site, to: Site): Promise<void> {
  const server = await echoServer(to, [to.v4, to.v6])
  try {
    assert.is(await echoFrom(from, to.v4), from.v4)
    assert.is(await echoFrom(from, to.v6), from.v6)
  } finally {
    await server.stop()
  }
}

CreateSite.after(async () => {
  await destroyAll()
})

CreateSite('createSite - sites reach each other over IPv4 and IPv6, on one subnet and routed', async () => {
  const available = await netnsAvailable()
  assert.ok(available.ok, available.ok ? '' : `network namespaces unavailable: ${available.reason}`)
  const [sc, sub1, sub2] = await Promise.all([
    createSite({ name: 'sc', v4: '192.0.2.10/24', v6: 'fd00:0:0:1::10/64' }),
    createSite({ name: 'sub1', v4: '198.51.100.20/24', v6: 'fd00:0:0:2::20/64' }),
    createSite({ name: 'sub2', v4: '192.0.2.30/24', v6: 'fd00:0:0:1::30/64' }),
  ])
  assert.is(sc.v6, 'fd00:0:0:1::10')
  await assertReaches(sc, sub1)
  await assertReaches(sub1, sc)
  await assertReaches(sub2, sc)

  const addresses = await sc.exec('ip', ['-brief', 'address', 'show', 'dev', 'eth0'])
  assert.match(addresses.stdout, '192.0.2.10/24')
  assert.match(addresses.stdout, 'fd00:0:0:1::10/64')
  assert.not.match(addresses.stdout, 'tentative')
})

CreateSite('createSite - addAddress adds an address, and a default route for a new family', async () => {
  const [a, b] = await Promise.all([
    createSite({ name: 'add-a', v4: '203.0.113.10/24' }),
    createSite({ name: 'add-b', v4: '198.51.100.40/24', v6: 'fd00:0:0:4::40/64' }),
  ])
  await a.addAddress('fd00:0:0:3::10/64')
  const server = await echoServer(b, [b.v4, b.v6])
  try {
    assert.is(await echoFrom(a, b.v6), 'fd00:0:0:3::10')
    assert.is(await echoFrom(a, b.v4), '203.0.113.10')
  } finally {
    await server.stop()
  }
})

CreateSite('destroyAll - deletes every namespace of the run', async () => {
  await createSite({ name: 'gone', v4: '192.0.2.99/24' })
  await destroyAll()
  const listed = await runCommand('ip', ['netns', 'list'])
  assert.not.match(listed.stdout, `dct-${process.pid}-`)
  const left = (await readdir('/run/netns')).filter((ns) => ns.startsWith(`dct-${process.pid}-`))
  assert.equal(left, [])
})

CreateSite.run()
