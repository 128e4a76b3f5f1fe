import { readFile, writeFile } from 'node:fs/promises'
import { isIPv6 } from 'node:net'
import { join } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { HealthImplementation } from 'grpc-health-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { freePort, makeTempDir, removeTempDir, repoRoot, runCommand } from './support/index.js'

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
  assert.match(result.stdout, 'docker check: ok (4 services, 3 networks, 2 Dockerfiles)')
})

Check('check.mjs - reports a network without IPv6 and an address outside its subnet', async () => {
  const result = await checkEdited((compose) =>
    compose
      .replace(/(site1:\n\s+enable_ipv6:) true/, '$1 false')
      .replace('ipv4_address: 198.51.100.10', 'ipv4_address: 192.0.2.99'),
  )
  assert.is(result.code, 1)
  assert.match(result.stderr, 'network site1: enable_ipv6 is not true')
  assert.match(result.stderr, "service subcloud1: ipv4_address 192.0.2.99 is outside network site1's subnets")
})

Check('check.mjs - reports a missing Dockerfile and a bad dependency', async () => {
  const result = await checkEdited((compose) =>
    compose
      .replace('docker/agent.Dockerfile', 'docker/gone.Dockerfile')
      .replace('subcloud2:\n        condition', 'subcloud9:\n        condition'),
  )
  assert.is(result.code, 1)
  assert.match(result.stderr, 'Dockerfile docker/gone.Dockerfile does not exist')
  assert.match(result.stderr, 'service controller: depends on unknown service subcloud9')
})

Check('check.mjs - reports a Dockerfile that runs as root without a health check', async () => {
  const dir = await makeTempDir()
  try {
    await writeFile(
      join(dir, 'root.Dockerfile'),
      'FROM node:20-bookworm-slim\nEXPOSE 50051\nENTRYPOINT ["node"]\n',
    )
    const result = await checkEdited((compose) =>
      compose.replace(
        'context: ..\n      dockerfile: docker/agent.Dockerfile',
        `context: ${dir}\n      dockerfile: root.Dockerfile`,
      ),
    )
    assert.is(result.code, 1)
    assert.match(result.stderr, 'root.Dockerfile: final stage has no USER')
    assert.match(result.stderr, 'root.Dockerfile: final stage has no HEALTHCHECK')
    assert.match(result.stderr, 'waits for subcloud1 to be healthy, but subcloud1 has no health check')
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

const Config = suite('docker/config')

interface Compose {
  services: Record<string, { networks?: Record<string, { ipv4_address?: string; ipv6_address?: string }> }>
}

async function readYaml<T>(path: string): Promise<T> {
  return parse(await readFile(path, 'utf8')) as T
}

Config('config - every dual-stack value is IPv6 primary, except the IPv4-only pxeboot', async () => {
  for (const file of ['system-controller.yml', 'subcloud1.yml', 'subcloud2.yml']) {
    const values = await readYaml<Record<string, unknown>>(join(dockerDir, 'config', file))
    const dualStack = Object.entries(values).filter(
      ([key, v]) => /_(subnet|address)$/.test(key) && typeof v === 'string' && v.includes(','),
    )
    assert.ok(dualStack.length >= 4, `${file} has dual-stack values`)
    for (const [key, value] of dualStack) {
      const [primary = '', secondary = ''] = String(value).split(',')
      assert.ok(isIPv6(primary.split('/')[0] ?? ''), `${file} ${key}: primary ${primary} is IPv6`)
      assert.not.ok(isIPv6(secondary.split('/')[0] ?? ''), `${file} ${key}: secondary ${secondary} is IPv4`)
    }
    assert.not.match(String(values['pxeboot_subnet']), ':', `${file}: pxeboot is IPv4`)
  }
})

Config('config - OAM floating addresses are the containers’ fixed addresses', async () => {
  const compose = await readYaml<Compose>(composePath)
  const sites = [
    ['system-controller.yml', 'controller', 'sc-oam'],
    ['subcloud1.yml', 'subcloud1', 'site1'],
    ['subcloud2.yml', 'subcloud2', 'site2'],
  ] as const
  for (const [file, service, network] of sites) {
    const values = await readYaml<Record<string, string>>(join(dockerDir, 'config', file))
    const attached = compose.services[service]?.networks?.[network]
    assert.is(
      values['external_oam_floating_address'],
      `${attached?.ipv6_address},${attached?.ipv4_address}`,
      file,
    )
  }
})

Config.run()
