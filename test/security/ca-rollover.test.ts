import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import type { ClientUnaryCall, ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtos } from '@dc/protos'
import type { ListSubcloudsResponse__Output } from '@dc/protos'
import { ignoreIpServernameWarning, loadChannelCredentials } from '@dc/tls'
import {
  createTestCa,
  makeTempDir,
  removeTempDir,
  runNode,
  waitFor,
  writeCaBundle,
} from '../support/index.js'
import type { IssueOptions, ServiceProcess, TestCa } from '../support/index.js'
import {
  startTestAgent,
  startTestController,
  subcloudValues,
  valuesYaml,
} from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'

// A CA rollover under a running fleet, as an operator would do it: every process trusts one
// bundle file; first it holds the old and the new CA (overlap), then every certificate is
// re-issued from the new CA onto the same files, then the old CA leaves the bundle. Nobody is
// restarted, and an availability poll running throughout never sees a subcloud offline.

ignoreIpServernameWarning()

const LOOPBACK = ['127.0.0.1', '::1']

interface Ctx {
  dir: string
  bundle: string
  oldCa: TestCa
  newCa: TestCa
  /** Where each identity's certificate lives, whichever CA issued it. */
  out: Record<'controller' | 'subcloud1' | 'subcloud2' | 'alice', string>
  controller: TestController
  agents: TestAgent[]
  poll: { stop: () => Promise<void>; seen: () => Poll }
}

interface Poll {
  readonly rounds: number
  readonly notOnline: string[]
}

const test = suite<Ctx>('CA rollover', {} as Ctx)

const IDENTITIES: Record<keyof Ctx['out'], Omit<IssueOptions, 'out'>> = {
  controller: { kind: 'controller', name: 'central', ips: LOOPBACK },
  subcloud1: { kind: 'agent', name: 'subcloud1', ips: LOOPBACK },
  subcloud2: { kind: 'agent', name: 'subcloud2', ips: LOOPBACK },
  alice: { kind: 'operator', name: 'alice', role: 'admin' },
}

async function issueAll(c: Ctx, ca: TestCa): Promise<Record<keyof Ctx['out'], string>> {
  const names = Object.keys(IDENTITIES) as (keyof Ctx['out'])[]
  const serials = await Promise.all(names.map((n) => ca.issue({ ...IDENTITIES[n], out: c.out[n] })))
  return Object.fromEntries(names.map((n, i) => [n, serials[i]?.serial.toUpperCase() ?? ''])) as Record<
    keyof Ctx['out'],
    string
  >
}

const tlsArgs = (c: Ctx, who: keyof Ctx['out']): string[] => [
  ...['--tls-ca', c.bundle, '--tls-cert', `${c.out[who]}.crt`, '--tls-key', `${c.out[who]}.key`],
]

/** Alice's credentials as the files hold them now (read afresh: the files rotate under us). */
const aliceNow = (c: Ctx) =>
  loadChannelCredentials({ caFile: c.bundle, certFile: `${c.out.alice}.crt`, keyFile: `${c.out.alice}.key` })

/** Lists the subclouds on a new connection with alice's current files; also the server's serial. */
async function listNow(c: Ctx): Promise<{ subclouds: ListSubcloudsResponse__Output; serial: string }> {
  const client = new (loadProtos().dc.manager.v1.DcManager)(c.controller.address, aliceNow(c))
  try {
    return await new Promise((resolve, reject) => {
      const call: ClientUnaryCall = client.ListSubclouds(
        {},
        { deadline: Date.now() + 20_000 },
        (err, subclouds) => {
          if (err !== null || subclouds === undefined) return reject(err ?? new Error('empty'))
          const serial = call.getAuthContext()?.sslPeerCertificate?.serialNumber ?? ''
          resolve({ subclouds, serial: serial.toUpperCase() })
        },
      )
    })
  } finally {
    client.close()
  }
}

/** The serial an agent serves to a new connection (Describe as the operator). */
async function agentSerial(c: Ctx, agent: TestAgent): Promise<string> {
  const client = new (loadProtos().dc.agent.v1.Agent)(agent.addresses[0] ?? '', aliceNow(c))
  try {
    return await new Promise((resolve, reject) => {
      const call: ClientUnaryCall = client.Describe({}, { deadline: Date.now() + 20_000 }, (err) => {
        if (err !== null) return reject(err)
        resolve((call.getAuthContext()?.sslPeerCertificate?.serialNumber ?? '').toUpperCase())
      })
    })
  } finally {
    client.close()
  }
}

/**
 * Polls availability until stopped. A poll that cannot connect (the operator's own certificate
 * caught between its new certificate and its new key) proves nothing either way and is retried;
 * every poll that answers must show both subclouds online.
 */
function startPolling(c: Ctx): Ctx['poll'] {
  let stopped = false
  let rounds = 0
  const notOnline: string[] = []
  const loop = (async () => {
    while (!stopped) {
      try {
        const { subclouds } = await listNow(c)
        rounds += 1
        for (const s of subclouds.subclouds) {
          // subcloud3 joins late; it is offline until its first deploy completes.
          if (s.name !== 'subcloud3' && s.availability_status !== 'online') {
            notOnline.push(`${s.name} ${s.availability_status}`)
          }
        }
      } catch {
        // See above: not an observation.
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await loop
    },
    seen: () => ({ rounds, notOnline }),
  }
}

/** Resolves once `process` printed one more line matching `pattern` than it had when called. */
function nextLine(process: ServiceProcess, pattern: RegExp): Promise<void> {
  const count = (): number => process.lines().filter((l) => pattern.test(l)).length
  const before = count()
  return waitFor(() => count() > before, { message: `${pattern} again`, timeoutMs: 60_000 }).then(() => {})
}

const SERVER_RELOADED = /TLS files reloaded: certificate serial/
const CHANNELS_RELOADED = /agent channels: new TLS files in use/

test.before(async (c) => {
  c.dir = await makeTempDir('dct-rollover-')
  c.bundle = join(c.dir, 'trust.pem')
  c.oldCa = await createTestCa(join(c.dir, 'ca-2024'), 'site-ca-2024')
  c.newCa = await createTestCa(join(c.dir, 'ca-2025'), 'site-ca-2025')
  c.out = {
    controller: join(c.dir, 'controller'),
    subcloud1: join(c.dir, 'subcloud1'),
    subcloud2: join(c.dir, 'subcloud2'),
    alice: join(c.dir, 'alice'),
  }
  await writeCaBundle(c.bundle, [c.oldCa])
  await issueAll(c, c.oldCa)
  c.agents = await Promise.all([
    startTestAgent(['::1'], join(c.dir, 'state1'), 500, { args: tlsArgs(c, 'subcloud1') }),
    startTestAgent(['::1', '127.0.0.1'], join(c.dir, 'state2'), 500, { args: tlsArgs(c, 'subcloud2') }),
  ])
  c.controller = await startTestController({
    dataDir: c.dir,
    args: tlsArgs(c, 'controller'),
    credentials: aliceNow(c),
  })
})

test.after(async (c) => {
  await c.poll?.stop()
  await c.controller?.stop()
  await Promise.all((c.agents ?? []).map((a) => a.stop()))
  if (c.dir !== undefined) await removeTempDir(c.dir)
})

test('rollover - two subclouds onboard and come online under the old CA', async (c) => {
  const [agent1, agent2] = c.agents
  await c.controller.addSubcloud(agent1?.addresses[0] ?? '', subcloudValues(1, 'ipv6'))
  await c.controller.addSubcloud(agent2?.addresses[0] ?? '', subcloudValues(2, 'dual-ipv6-primary'))
  for (const name of ['subcloud1', 'subcloud2']) {
    await c.controller.waitFor(name, (s) => s.availability_status === 'online', 'online', 120_000)
  }
  c.poll = startPolling(c)
  await waitFor(() => c.poll.seen().rounds > 0, { message: 'a first availability poll' })
})

test('rollover - overlap: every process trusts the old and the new CA, without a restart', async (c) => {
  const reloads = [
    nextLine(c.controller.process, SERVER_RELOADED),
    nextLine(c.controller.process, CHANNELS_RELOADED),
    ...c.agents.map((a) => nextLine(a.process, SERVER_RELOADED)),
  ]
  await writeCaBundle(c.bundle, [c.oldCa, c.newCa])
  await Promise.all(reloads)
})

test('rollover - every certificate is re-issued from the new CA onto the same files', async (c) => {
  const channels = nextLine(c.controller.process, CHANNELS_RELOADED)
  const serials = await issueAll(c, c.newCa)
  await waitFor(async () => (await listNow(c)).serial === serials.controller, {
    message: 'the controller serves its new certificate',
    timeoutMs: 60_000,
  })
  for (const [index, agent] of c.agents.entries()) {
    const expected = index === 0 ? serials.subcloud1 : serials.subcloud2
    await waitFor(async () => (await agentSerial(c, agent)) === expected, {
      message: `subcloud${index + 1} serves its new certificate`,
      timeoutMs: 60_000,
    })
  }
  await channels
})

test('rollover - the old CA leaves the bundle; new connections everywhere use the new CA only', async (c) => {
  const reloads = [
    nextLine(c.controller.process, SERVER_RELOADED),
    nextLine(c.controller.process, CHANNELS_RELOADED),
    ...c.agents.map((a) => nextLine(a.process, SERVER_RELOADED)),
  ]
  await writeCaBundle(c.bundle, [c.newCa])
  await Promise.all(reloads)
  // A certificate of the old CA no longer gets in.
  const legacy = await c.oldCa.issue({ kind: 'operator', name: 'legacy', role: 'admin' })
  const client = new (loadProtos().dc.manager.v1.DcManager)(
    c.controller.address,
    loadChannelCredentials({ caFile: c.bundle, ...legacy }),
  )
  try {
    const refused = await new Promise<ServiceError | null>((resolve) =>
      client.ListSubclouds({}, { deadline: Date.now() + 20_000 }, (err) => resolve(err)),
    )
    assert.is(refused?.code, status.UNAVAILABLE)
  } finally {
    client.close()
  }
  // Forwarded calls open new controller -> agent connections: the controller's new certificate
  // against agents that trust the new CA only.
  for (const region of ['subcloud1', 'subcloud2']) {
    const result = await runNode('system', [
      ...['--url', c.controller.address, '--os-region-name', region],
      ...['--os-cacert', c.bundle, '--os-cert', `${c.out.alice}.crt`, '--os-key', `${c.out.alice}.key`],
      ...['host-list', '-f', 'value', '-c', 'hostname'],
    ])
    assert.is(result.code, 0, result.stderr)
    assert.match(result.stdout, /controller-0/)
  }
})

test('rollover - a subcloud added afterwards, trusting only the new CA, is onboarded', async (c) => {
  // Its agent has never seen the old CA: the controller reaches it only if its channels present
  // the re-issued certificate and trust the new bundle.
  const files = await c.newCa.issue({ kind: 'agent', name: 'subcloud3', ips: LOOPBACK })
  const agent = await startTestAgent(['::1'], join(c.dir, 'state3'), 500, {
    args: ['--tls-ca', c.newCa.certFile, '--tls-cert', files.certFile, '--tls-key', files.keyFile],
  })
  c.agents.push(agent)
  const client = new (loadProtos().dc.manager.v1.DcManager)(c.controller.address, aliceNow(c))
  try {
    await new Promise<void>((resolve, reject) =>
      client.AddSubcloud(
        {
          bootstrap_address: agent.addresses[0] ?? '',
          bootstrap_values_yaml: valuesYaml(subcloudValues(3, 'ipv6')),
        },
        { deadline: Date.now() + 20_000 },
        (err) => (err === null ? resolve() : reject(err)),
      ),
    )
  } finally {
    client.close()
  }
  await waitFor(
    async () => {
      const subcloud3 = (await listNow(c)).subclouds.subclouds.find((s) => s.name === 'subcloud3')
      if (subcloud3?.deploy_status.endsWith('-failed') === true) {
        throw new Error(`subcloud3 deploy failed: ${subcloud3.error_description}`)
      }
      return subcloud3?.deploy_status === 'complete' && subcloud3.availability_status === 'online'
    },
    { message: 'subcloud3 complete and online', timeoutMs: 120_000, intervalMs: 500 },
  )
})

test('rollover - no subcloud was ever offline', async (c) => {
  // A few more polls after the last step, then the verdict.
  const after = c.poll.seen().rounds
  await waitFor(() => c.poll.seen().rounds >= after + 3, { message: 'three more polls' })
  await c.poll.stop()
  const { rounds, notOnline } = c.poll.seen()
  assert.ok(rounds >= 5, `only ${rounds} availability polls answered`)
  assert.equal(notOnline, [])
  assert.not.match(c.controller.process.output(), /subcloud[12]: offline/)
  for (const name of ['subcloud1', 'subcloud2']) {
    const shown = (await listNow(c)).subclouds.subclouds.find((s) => s.name === name)
    assert.is(shown?.availability_status, 'online', name)
  }
})

test.run()
