import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { HealthImplementation } from 'grpc-health-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import {
  findExecutable,
  freePort,
  makeTempDir,
  removeTempDir,
  repoRoot,
  runCommand,
} from './support/index.js'

const dockerDir = join(repoRoot, 'docker')
const composePath = join(dockerDir, 'docker-compose.yml')

function runCheck(args: readonly string[] = []): ReturnType<typeof runCommand> {
  return runCommand(process.execPath, [join(dockerDir, 'check.mjs'), ...args])
}

/** Runs check.mjs on a copy of the compose file changed by `edit`, resolving paths as for the real one. */
async function checkEdited(
  edit: (compose: string) => string,
): Promise<{ code: number | null; stderr: string }> {
  const dir = await makeTempDir()
  try {
    const original = await readFile(composePath, 'utf8')
    const edited = edit(original)
    assert.is.not(edited, original, 'the edit changed the compose file')
    const file = join(dir, 'docker-compose.yml')
    await writeFile(file, edited)
    return await runCheck(['--compose', file, '--project-dir', dockerDir])
  } finally {
    await removeTempDir(dir)
  }
}

const Check = suite('docker/check.mjs')

Check('check.mjs - passes on the testbed as committed', async () => {
  const result = await runCheck()
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stdout, 'docker check: ok (19 services, 7 networks, 2 Dockerfiles)')
})

Check('check.mjs - reports a network without IPv6 and an address outside its subnet', async () => {
  const result = await checkEdited((compose) =>
    compose
      .replace(/(\n {2}subcloud1:\n\s+enable_ipv6:) true/, '$1 false')
      .replace('ipv4_address: 198.51.100.2\n', 'ipv4_address: 192.0.2.99\n'),
  )
  assert.is(result.code, 1)
  assert.match(result.stderr, 'network subcloud1: enable_ipv6 is not true')
  assert.match(
    result.stderr,
    "service subcloud1: ipv4_address 192.0.2.99 is outside network subcloud1's subnets",
  )
})

Check('check.mjs - reports a missing Dockerfile and a bad dependency', async () => {
  const result = await checkEdited((compose) =>
    compose
      .replace('docker/agent.Dockerfile', 'docker/gone.Dockerfile')
      .replace('postgres-site-a:\n        condition', 'postgres-site-z:\n        condition'),
  )
  assert.is(result.code, 1)
  assert.match(result.stderr, 'Dockerfile docker/gone.Dockerfile does not exist')
  assert.match(result.stderr, 'service controller-site-a: depends on unknown service postgres-site-z')
})

Check('check.mjs - reports a Dockerfile that runs as root without a health check', async () => {
  const dir = await makeTempDir()
  try {
    await writeFile(
      join(dir, 'root.Dockerfile'),
      'FROM node:20-bookworm-slim\nEXPOSE 50051\nENTRYPOINT ["node"]\n',
    )
    const result = await checkEdited((compose) =>
      compose
        .replace(
          'context: ..\n      dockerfile: docker/agent.Dockerfile',
          `context: ${dir}\n      dockerfile: root.Dockerfile`,
        )
        .replace(
          '      nats-site-a:\n        condition: service_healthy',
          '      agent-subcloud1:\n        condition: service_healthy',
        ),
    )
    assert.is(result.code, 1)
    assert.match(result.stderr, 'root.Dockerfile: final stage has no USER')
    assert.match(result.stderr, 'root.Dockerfile: final stage has no HEALTHCHECK')
    assert.match(
      result.stderr,
      'waits for agent-subcloud1 to be healthy, but agent-subcloud1 has no health check',
    )
  } finally {
    await removeTempDir(dir)
  }
})

Check('check.mjs - reports an image that would not start with TLS as shipped', async () => {
  const dir = await makeTempDir()
  try {
    await writeFile(
      join(dir, 'plain.Dockerfile'),
      [
        'FROM node:20-bookworm-slim',
        'USER dc',
        'EXPOSE 50051',
        'HEALTHCHECK CMD ["node", "probe.mjs"]',
        'ENTRYPOINT ["node", "packages/subcloud-agent/dist/main.js"]',
        'CMD ["--listen", "[::]:50051", "--insecure"]',
        '',
      ].join('\n'),
    )
    const result = await checkEdited((compose) =>
      compose.replace(
        'context: ..\n      dockerfile: docker/agent.Dockerfile',
        `context: ${dir}\n      dockerfile: plain.Dockerfile`,
      ),
    )
    assert.is(result.code, 1)
    assert.match(result.stderr, 'plain.Dockerfile: ENTRYPOINT must be ["node", "docker/entrypoint.mjs"')
    assert.match(result.stderr, 'plain.Dockerfile: CMD passes --insecure')
    assert.match(result.stderr, 'plain.Dockerfile: final stage does not set ENV DC_TLS_DIR=/etc/dc/tls')
    assert.match(result.stderr, 'plain.Dockerfile: HEALTHCHECK does not run docker/healthcheck.mjs')
  } finally {
    await removeTempDir(dir)
  }
})

Check.run()

const HealthProbe = suite('docker/healthcheck.mjs')

async function probe(target: string): Promise<{ code: number | null; output: string }> {
  const result = await runCommand(process.execPath, [join(dockerDir, 'healthcheck.mjs'), target])
  return { code: result.code, output: result.stdout + result.stderr }
}

HealthProbe('healthcheck.mjs - exits 0 only while the gRPC health service says SERVING', async () => {
  const server = new grpc.Server()
  const health = new HealthImplementation({ '': 'SERVING' })
  health.addToServer(server)
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('[::1]:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  )
  try {
    const serving = await probe(`[::1]:${port}`)
    assert.is(serving.code, 0, serving.output)
    assert.match(serving.output, `healthy: [::1]:${port}`)

    health.setStatus('', 'NOT_SERVING')
    const notServing = await probe(`[::1]:${port}`)
    assert.is(notServing.code, 1)
    assert.match(notServing.output, 'serving status NOT_SERVING')
  } finally {
    server.forceShutdown()
  }
})

HealthProbe('healthcheck.mjs - exits 1 when nothing listens', async () => {
  const result = await probe(`127.0.0.1:${await freePort()}`)
  assert.is(result.code, 1)
  assert.match(result.output, 'unhealthy: 127.0.0.1:')
})

HealthProbe.run()

const Compose = suite('docker/docker-compose.yml')

interface ComposeService {
  command?: string[]
  entrypoint?: string[]
  network_mode?: string
  environment?: Record<string, string>
  networks?: Record<string, { ipv4_address?: string; ipv6_address?: string }>
}

async function readCompose(): Promise<Record<string, ComposeService>> {
  return (parse(await readFile(composePath, 'utf8')) as { services: Record<string, ComposeService> }).services
}

const flag = (service: ComposeService | undefined, name: string): string | undefined => {
  const args = service?.command ?? []
  const at = args.indexOf(name)
  return at < 0 ? undefined : args[at + 1]
}

Compose(
  'compose - the sites of the topology: PostgreSQL per central site, three clustered NATS nodes, the refused subcloud',
  async () => {
    const services = await readCompose()
    const names = Object.keys(services)
    assert.equal(
      names.filter((n) => n.startsWith('postgres-')),
      ['postgres-site-a', 'postgres-site-b'],
    )
    assert.equal(
      names.filter((n) => n.startsWith('nats-')),
      ['nats-site-a', 'nats-site-b', 'nats-witness'],
    )
    assert.ok(names.includes('agent-subcloud4'), 'the IPv4-primary subcloud the controller refuses')
    assert.equal(services['init']?.entrypoint?.slice(0, 2), ['node', 'docker/testbed-init.mjs'])
    for (const site of ['site-a', 'site-b']) {
      const controller = services[`controller-${site}`]
      assert.is(flag(controller, '--nats-replicas'), '3', site)
      assert.is(controller?.network_mode, `service:${site}`, 'shares the site namespace with its NATS node')
      assert.match(flag(controller, '--nats-url') ?? '', /^tls:\/\/\[fd10:/, 'IPv6 primary, TLS')
      assert.not.ok(controller?.command?.includes('--insecure'))
    }
    assert.is(services['site-a']?.networks?.['site-a']?.ipv6_address, 'fd10:0:1::2')
    assert.is(flag(services['agent-subcloud4'], '--listen'), '203.0.113.2:50051,[fd10:0:14::2]:50051')
  },
)

Compose('compose - render-compose --check fails once the topology changes, naming the fix', async () => {
  const dir = await makeTempDir()
  try {
    const topology = join(dir, 'topology.yml')
    const original = await readFile(join(repoRoot, 'testbed', 'topology.yml'), 'utf8')
    const same = await runCommand(process.execPath, [join(dockerDir, 'render-compose.mjs'), '--check'])
    assert.is(same.code, 0, same.stderr)
    const changed = original.replace(
      /heartbeatIntervalMs: (\d+)/,
      (_, ms: string) => `heartbeatIntervalMs: ${Number(ms) + 1}`,
    )
    assert.is.not(changed, original, 'the topology names a heartbeat interval to change')
    await writeFile(topology, changed)
    const drifted = await runCommand(process.execPath, [
      join(dockerDir, 'render-compose.mjs'),
      '--check',
      '--topology',
      topology,
    ])
    assert.is(drifted.code, 1)
    assert.match(drifted.stderr, 'drifted from')
    assert.match(drifted.stderr, 'run node docker/render-compose.mjs')
  } finally {
    await removeTempDir(dir)
  }
})

Compose('compose - testbed-init issues every certificate and writes valid NATS cluster configs', async () => {
  const dir = await makeTempDir()
  try {
    const init = await runCommand(process.execPath, [
      join(dockerDir, 'testbed-init.mjs'),
      join(repoRoot, 'testbed', 'topology.yml'),
      dir,
    ])
    assert.is(init.code, 0, init.stderr)
    for (const site of ['site-a', 'site-b', 'witness']) {
      const conf = await readFile(join(dir, site, 'nats.conf'), 'utf8')
      assert.match(conf, `server_name: "${site}"`)
      assert.is((conf.match(/nats-route:\/\//g) ?? []).length, 2, `${site} routes to the two other nodes`)
      const check = await runCommand(
        findExecutable('nats-server', ['/usr/sbin', '/usr/bin']) ?? 'nats-server',
        ['-t', '-c', join(dir, site, 'nats.conf')],
      )
      assert.is(check.code, 0, check.stdout + check.stderr)
    }
    for (const site of ['site-a', 'subcloud1', 'subcloud4']) {
      for (const file of ['server.crt', 'server.key', 'ca.crt'])
        assert.ok(existsSync(join(dir, site, file)), `${site}/${file}`)
    }
    const again = await runCommand(process.execPath, [
      join(dockerDir, 'testbed-init.mjs'),
      join(repoRoot, 'testbed', 'topology.yml'),
      dir,
    ])
    assert.is(again.code, 0, 'a second run keeps what the first made')
  } finally {
    await removeTempDir(dir)
  }
})

Compose.run()
