import { spawn } from 'node:child_process'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { REGION_METADATA_KEY } from '@dc/protos'

import { runCli } from '../src/cli-app.js'
import type { ProgramName } from '../src/command-spec.js'
import { startFakeDcServer, type FakeDcServer } from './fake-dc-server.js'
import { LIST_GOLDENS } from './list-goldens.js'

interface Outcome {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function cli(
  program: ProgramName,
  argv: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(program, argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    pollIntervalMs: 1,
  })
  return { code, stdout, stderr }
}

const RunCli = suite<{ fake: FakeDcServer; env: Record<string, string> }>('runCli', {
  fake: undefined as unknown as FakeDcServer,
  env: {},
})

RunCli.before.each(async (ctx) => {
  ctx.fake = await startFakeDcServer()
  ctx.env = { DC_URL: ctx.fake.url }
})
RunCli.after.each(async (ctx) => {
  await ctx.fake.close()
})

RunCli('runCli - every list command prints its StarlingX table (goldens)', async ({ env }) => {
  for (const [program, argv, golden] of LIST_GOLDENS) {
    const out = await cli(program, argv, env)
    assert.is(out.stderr, '', `${program} ${argv.join(' ')}`)
    assert.is(out.code, 0)
    assert.is(out.stdout, golden.slice(1), `${program} ${argv.join(' ')}`)
  }
})

RunCli('runCli - -f json of a list is an array of objects keyed by the table columns', async ({ env }) => {
  const out = await cli('system', ['network-list', '-f', 'json'], env)
  assert.is(out.code, 0)
  const rows = JSON.parse(out.stdout) as Record<string, unknown>[]
  assert.is(rows.length, 7)
  assert.equal(rows[0], {
    id: 1,
    uuid: '41eda7c4-3f0e-4c8b-9d55-0a1b2c3d4e5e',
    name: 'mgmt',
    type: 'mgmt',
    dynamic: true,
    pool_uuid: '0648baa4-2c11-4b7a-8e0f-2f3a4b5c6d7f',
    primary_pool_family: 'IPv6',
  })
  const pools = JSON.parse(
    (await cli('system', ['addrpool-list', '-f', 'json', '-c', 'name', '-c', 'ranges'], env)).stdout,
  )
  assert.equal(pools[0], { name: 'cluster-host-subnet-ipv6', ranges: ['fd02::1-fd02::ffff:ffff:ffff:fffe'] })
})

RunCli('runCli - -f value and -c give script-friendly lines', async ({ env }) => {
  const out = await cli(
    'system',
    ['network-addrpool-list', '-f', 'value', '-c', 'uuid', '-c', 'addrpool_name'],
    env,
  )
  assert.match(out.stdout, /^be3afd5d-ef21-495c-b5a7-1494c7b040fc cluster-host-subnet-ipv6\n/)
})

RunCli('runCli - addrpool-add sends the seed arguments and shows the pool', async ({ fake, env }) => {
  const out = await cli(
    'system',
    [
      'addrpool-add',
      'oam-ipv4',
      '10.10.204.0',
      '24',
      '--order',
      'random',
      '--ranges',
      '10.10.204.1-10.10.204.253',
      '--floating-address',
      '10.10.204.1',
      '--controller0-address',
      '10.10.204.2',
      '--controller1-address',
      '10.10.204.3',
      '--gateway-address',
      '10.10.204.254',
    ],
    env,
  )
  assert.is(out.code, 0, out.stderr)
  const request = fake.calls.find((c) => c.method === 'AddAddressPool')?.request ?? {}
  // The loader adds a `_field` marker per proto3 optional field; only the fields matter here.
  const sent = Object.fromEntries(Object.entries(request).filter(([key]) => !key.startsWith('_')))
  assert.equal(sent, {
    name: 'oam-ipv4',
    network: '10.10.204.0',
    prefix: 24,
    order: 'random',
    ranges: [{ start: '10.10.204.1', end: '10.10.204.253' }],
    floating_address: '10.10.204.1',
    controller0_address: '10.10.204.2',
    controller1_address: '10.10.204.3',
    gateway_address: '10.10.204.254',
  })
  assert.match(out.stdout, "| ranges              | ['10.10.204.1-10.10.204.253']")
  assert.match(out.stdout, '| gateway_address     | 10.10.204.254')
})

RunCli(
  'runCli - sends the region in the protos region metadata, SystemController included',
  async ({ fake, env }) => {
    await cli('system', ['host-list'], { ...env, OS_REGION_NAME: 'subcloud1' })
    await cli('system', ['--os-region-name', 'subcloud2', 'host-list'], env)
    await cli('system', ['host-list'], { ...env, OS_REGION_NAME: 'SystemController' })
    await cli('fm', ['alarm-list'], { ...env, OS_REGION_NAME: 'subcloud1' })
    await cli('dcmanager', ['subcloud', 'list'], { ...env, OS_REGION_NAME: 'subcloud1' })
    const regions = fake.calls.map((c) => [c.method, c.metadata.get(REGION_METADATA_KEY)])
    assert.equal(regions, [
      ['ListHosts', ['subcloud1']],
      ['ListHosts', ['subcloud2']],
      ['ListHosts', ['SystemController']],
      ['ListAlarms', ['subcloud1']],
      ['ListSubclouds', []],
    ])
  },
)

RunCli("runCli - a rejected call prints the server's message on one line and exits 1", async ({ env }) => {
  const out = await cli('system', ['addrpool-add', 'oam-ipv6', 'fd00::', '64'], env)
  assert.equal(out, { code: 1, stdout: '', stderr: 'Address pool oam-ipv6 already exists\n' })
  const lock = await cli('system', ['host-lock', 'controller-0'], env)
  assert.equal(lock, { code: 1, stdout: '', stderr: 'Can not lock an active controller.\n' })
})

RunCli('runCli - a usage error prints the usage, exits 2 and calls nothing', async ({ fake, env }) => {
  const out = await cli('system', ['network-addrpool-assign', 'oam'], env)
  assert.is(out.code, 2)
  assert.is(out.stdout, '')
  assert.match(
    out.stderr,
    /^usage: system network-addrpool-assign .*<network name or uuid> <addrpool name or uuid>\n/,
  )
  assert.match(
    out.stderr,
    'system network-addrpool-assign: error: the following arguments are required: <addrpool name or uuid>',
  )
  const column = await cli('system', ['network-list', '-c', 'nope'], env)
  assert.is(column.code, 2)
  assert.match(column.stderr, "No column named 'nope'")
  assert.is(fake.calls.filter((c) => c.method !== 'ListNetworks').length, 0)
})

RunCli('runCli - a usage error escapes the control bytes of the argument it quotes', async ({ env }) => {
  const out = await cli('system', ['network-list', '-c', 'x\u001b[2J\u0007'], env)
  assert.is(out.code, 2)
  assert.match(out.stderr, "No column named 'x\\x1b[2J\\x07'")
  assert.not.ok(out.stderr.includes('\u001b'), out.stderr)
})

RunCli('runCli - an unreachable server is named in the error', async () => {
  const down = await startFakeDcServer()
  const url = down.url
  await down.close()
  const out = await cli('system', ['--url', url, 'network-list'], {})
  assert.equal(out, { code: 1, stdout: '', stderr: `Unable to reach ${url}: connection refused\n` })
})

RunCli(
  'runCli - every call has a deadline: --timeout bounds a server that never answers',
  async ({ fake, env }) => {
    fake.hang.add('ListHosts')
    const out = await cli('system', ['host-list', '--timeout', '0.2'], env)
    assert.equal(out, {
      code: 1,
      stdout: '',
      stderr: `No answer from ${fake.url} within 0.2 s (deadline exceeded)\n`,
    })
  },
)

RunCli(
  'runCli - subcloud add sends the bootstrap values text and --wait follows the deploy on stderr',
  async ({ env }) => {
    const dir = await mkdtemp(join(tmpdir(), 'dc-cli-'))
    try {
      const file = join(dir, 'subcloud4.yml')
      await writeFile(file, 'name: subcloud4\nsystem_mode: simplex\n')
      const args = ['subcloud', 'add', '--bootstrap-address', '[fd00:4::2]:50051', '--bootstrap-values', file]
      const quick = await cli('dcmanager', args, env)
      assert.is(quick.code, 0, quick.stderr)
      assert.match(quick.stdout, '| deploy_status               | not-deployed')
      assert.match(quick.stdout, '| description                 | name: subcloud4') // the fake echoes the YAML it got
      const waited = await cli('dcmanager', [...args, '--wait'], env)
      assert.is(waited.code, 0, waited.stderr)
      assert.is(
        waited.stderr,
        [
          'subcloud4: deploy status not-deployed',
          'subcloud4: deploy status creating',
          'subcloud4: deploy status bootstrapping',
          'subcloud4: deploy status complete',
          '',
        ].join('\n'),
      )
      assert.match(waited.stdout, '| deploy_status               | complete')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
)

RunCli('runCli - subcloud add with a missing values file says which file', async ({ env }) => {
  const out = await cli(
    'dcmanager',
    ['subcloud', 'add', '--bootstrap-address', 'fd00:4::2', '--bootstrap-values', '/nonexistent/v.yml'],
    env,
  )
  assert.equal(out, { code: 1, stdout: '', stderr: 'bootstrap-values does not exist: /nonexistent/v.yml\n' })
})

RunCli(
  'runCli - a directory or an oversized values file is refused before anything is sent',
  async ({ fake, env }) => {
    const dir = await mkdtemp(join(tmpdir(), 'dc-cli-'))
    try {
      const add = (file: string) =>
        cli(
          'dcmanager',
          ['subcloud', 'add', '--bootstrap-address', 'fd00:4::2', '--bootstrap-values', file],
          env,
        )
      assert.equal(await add(dir), {
        code: 1,
        stdout: '',
        stderr: `bootstrap-values is a directory, not a file: ${dir}\n`,
      })
      const big = join(dir, 'big.yml')
      await writeFile(big, `name: big\ndescription: ${'x'.repeat(10 * 1024 * 1024)}\n`)
      const size = 10 * 1024 * 1024 + 'name: big\ndescription: \n'.length
      assert.equal(await add(big), {
        code: 1,
        stdout: '',
        stderr: `bootstrap-values ${big} is ${size} bytes; a bootstrap values file holds at most 256 KiB (262144 bytes)\n`,
      })
      const update = await cli(
        'dcmanager',
        ['subcloud', 'update', 'subcloud1', '--bootstrap-values', big],
        env,
      )
      assert.match(update.stderr, 'holds at most 256 KiB')
      assert.equal(fake.calls, [], 'nothing reached the server')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
)

RunCli(
  'runCli - subcloud list hides nothing the server sends and --all asks for secondary ones',
  async ({ fake, env }) => {
    const out = await cli('dcmanager', ['subcloud', 'list', '--all', '-f', 'value', '-c', 'name'], env)
    assert.is(out.stdout, 'subcloud1\nsubcloud2\nsubcloud3\n')
    assert.equal(fake.calls.at(-1)?.request, { all: true, detail: false })
  },
)

RunCli('runCli - help and completion print to stdout and exit 0', async () => {
  const help = await cli('system', ['help'], {})
  assert.is(help.code, 0)
  assert.match(help.stdout, 'network-addrpool-remove')
  const completion = await cli('dcmanager', ['completion', 'bash'], {})
  assert.is(completion.code, 0)
  assert.match(completion.stdout, 'complete -F _dc_complete_dcmanager dcmanager')
})

// The seed's revert step, run by bash exactly as written, with `system` a shim for this CLI.
RunCli(
  "runCli - the seed's DEL=$(... | awk '$6 == ...') pipeline removes the right association",
  async ({ fake }) => {
    const dir = await mkdtemp(join(tmpdir(), 'dc-cli-bin-'))
    try {
      const main = resolve(import.meta.dirname, '../src/main-system.ts')
      await writeFile(
        join(dir, 'system'),
        `#!/bin/sh\nexec "${process.execPath}" --conditions=source --import tsx "${main}" "$@"\n`,
      )
      await chmod(join(dir, 'system'), 0o755)
      const line =
        'DEL=$(system network-addrpool-list | awk \'$6 == "cluster-pod-subnet-ipv6" { print $2 }\') && system network-addrpool-remove $DEL'
      const out = await new Promise<Outcome>((done, fail) => {
        const child = spawn('bash', ['-c', line], {
          env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}`, DC_URL: fake.url },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
        child.on('error', fail)
        child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
      })
      assert.equal(out, {
        code: 0,
        stdout: 'Deleted Network Addrpool: 5530e24c-f868-4cca-9dcc-ba860078a83d\n',
        stderr: '',
      })
      assert.not.ok(fake.networkPools.some((a) => a.address_pool_name === 'cluster-pod-subnet-ipv6'))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
)

RunCli.run()
