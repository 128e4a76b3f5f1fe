import { X509Certificate } from 'node:crypto'
import { EventEmitter, once } from 'node:events'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Server } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { describeTlsFailure, loadChannelCredentials, loadServerCredentials } from '../src/index.js'
import type { TlsReloadEvent } from '../src/index.js'
import { callWhoAmI, certFiles, dcPkiOk, rejectionOf, startWhoAmIServer, tempDir } from './tls-fixtures.js'

// A live server directory the tests rewrite under a running server, as an operator would: its
// certificate and key (`live/agent.*`) and its CA bundle (`live/ca.crt`).
const dir = await tempDir('dc-tls-rotation-')
process.on('exit', () => rmSync(dir.path, { recursive: true, force: true }))
const at = (name: string): string => join(dir.path, name)
const [oldCa, newCa] = [at('ca-old'), at('ca-new')]
await Promise.all([
  dcPkiOk(['init', '--dir', oldCa, '--name', 'ca-2025']),
  dcPkiOk(['init', '--dir', newCa, '--name', 'ca-2026']),
])
const agentArgs = ['--kind', 'agent', '--name', 'sub1', '--ip', '127.0.0.1', '--ip', '::1']
const issueAgent = (caDir: string): Promise<string> =>
  dcPkiOk(['issue', '--dir', caDir, '--out', at('live/agent'), ...agentArgs])
const aliceArgs = ['--kind', 'operator', '--name', 'alice', '--role', 'admin']
const issueAlice = (caDir: string, out: string): Promise<string> =>
  dcPkiOk(['issue', '--dir', caDir, '--out', at(out), ...aliceArgs])
await Promise.all([issueAgent(oldCa), issueAlice(oldCa, 'alice-old'), issueAlice(newCa, 'alice-new')])
const oldCaPem = readFileSync(join(oldCa, 'ca.crt'), 'utf8')
const newCaPem = readFileSync(join(newCa, 'ca.crt'), 'utf8')
writeFileSync(at('both-cas.crt'), oldCaPem + newCaPem)
const liveCa = at('live/ca.crt')
writeFileSync(liveCa, oldCaPem)

/** Replaces `file` by rename, the way rotation tools (and dc-pki) do. */
function replaceFile(file: string, content: string): void {
  writeFileSync(`${file}.next`, content)
  renameSync(`${file}.next`, file)
}

function liveSerial(): string {
  return new X509Certificate(readFileSync(at('live/agent.crt'))).serialNumber.toLowerCase()
}

interface RotationCtx {
  server?: Server
  port: number
  reloads: EventEmitter
}

const RELOAD_TIMEOUT_MS = 60_000

/** The next reload event of `type`, skipping others (a rename pair may first look torn). */
async function nextReload(ctx: RotationCtx, type: TlsReloadEvent['type']): Promise<TlsReloadEvent> {
  const signal = AbortSignal.timeout(RELOAD_TIMEOUT_MS)
  const skipped: string[] = []
  try {
    for (;;) {
      const [event] = (await once(ctx.reloads, 'reload', { signal })) as [TlsReloadEvent]
      if (event.type === type) return event
      skipped.push(event.type)
    }
  } catch (error) {
    if (!signal.aborted) throw error
    const others = skipped.length === 0 ? 'no other event' : `only ${skipped.join(', ')}`
    throw new Error(
      `timed out after ${RELOAD_TIMEOUT_MS} ms waiting for a '${type}' reload event (${others})`,
      { cause: error },
    )
  }
}

const Rotation = suite<RotationCtx>('loadServerCredentials', { port: 0, reloads: new EventEmitter() })

Rotation.before(async (ctx) => {
  const serverCredentials = loadServerCredentials({
    caFile: liveCa,
    ...certFiles(at('live/agent')),
    onReload: (event) => ctx.reloads.emit('reload', event),
    debounceMs: 50,
    pollIntervalMs: 500,
  })
  const started = await startWhoAmIServer(serverCredentials, ['127.0.0.1', '[::1]'])
  ctx.server = started.server
  ctx.port = started.port
})

Rotation.after((ctx) => ctx.server?.forceShutdown())

const aliceOld = (caFile: string) => loadChannelCredentials({ caFile, ...certFiles(at('alice-old')) })
const aliceNew = (caFile: string) => loadChannelCredentials({ caFile, ...certFiles(at('alice-new')) })

Rotation(
  'loadServerCredentials - serves a re-issued certificate to new connections without a restart',
  async (ctx) => {
    const target = `127.0.0.1:${ctx.port}`
    const before = await callWhoAmI(target, aliceOld(liveCa))
    assert.is(before.serverSerial?.toLowerCase(), liveSerial())
    const reloaded = nextReload(ctx, 'reloaded')
    await issueAgent(oldCa)
    const event = await reloaded
    const rotated = liveSerial()
    assert.is.not(rotated, before.serverSerial?.toLowerCase())
    assert.is(event.type === 'reloaded' && event.serialNumber.toLowerCase(), rotated)
    for (const host of ['127.0.0.1', '[::1]']) {
      const after = await callWhoAmI(`${host}:${ctx.port}`, aliceOld(liveCa))
      assert.is(after.serverSerial?.toLowerCase(), rotated, host)
    }
  },
)

Rotation('loadServerCredentials - keeps the certificate in force when a rotation is broken', async (ctx) => {
  const inForce = liveSerial()
  const goodKey = readFileSync(at('live/agent.key'), 'utf8')
  const failed = nextReload(ctx, 'reload-failed')
  replaceFile(at('live/agent.key'), readFileSync(at('alice-old.key'), 'utf8'))
  const event = await failed
  assert.match(event.type === 'reload-failed' ? event.error.message : '', 'does not belong to certificate')
  const answer = await callWhoAmI(`127.0.0.1:${ctx.port}`, aliceOld(liveCa))
  assert.is(answer.serverSerial?.toLowerCase(), inForce)
  const restored = nextReload(ctx, 'reloaded')
  replaceFile(at('live/agent.key'), goodKey)
  await restored
})

Rotation('loadServerCredentials - keeps clients of both CAs connected through a CA rollover', async (ctx) => {
  const target = `127.0.0.1:${ctx.port}`
  const bothCas = at('both-cas.crt')
  // Before: only the old CA is trusted.
  const refused = await rejectionOf(callWhoAmI(target, aliceNew(liveCa)))
  assert.match(
    describeTlsFailure(refused, target, { ...certFiles(at('alice-new')), caFile: liveCa }) ?? '',
    'unknown authority',
  )
  // Overlap, step 1: the server trusts old and new; clients of either CA get in.
  let reloaded = nextReload(ctx, 'reloaded')
  replaceFile(liveCa, oldCaPem + newCaPem)
  await reloaded
  assert.equal((await callWhoAmI(target, aliceOld(liveCa))).identity?.name, 'alice')
  assert.equal((await callWhoAmI(target, aliceNew(bothCas))).identity?.name, 'alice')
  // Step 2: the server's own certificate moves to the new CA; clients trusting both follow.
  reloaded = nextReload(ctx, 'reloaded')
  await issueAgent(newCa)
  await reloaded
  assert.equal((await callWhoAmI(target, aliceOld(bothCas))).identity?.name, 'alice')
  assert.equal((await callWhoAmI(target, aliceNew(bothCas))).identity?.name, 'alice')
  // Step 3: the old CA is retired; its certificates no longer get in.
  reloaded = nextReload(ctx, 'reloaded')
  replaceFile(liveCa, newCaPem)
  await reloaded
  assert.equal((await callWhoAmI(target, aliceNew(bothCas))).identity?.name, 'alice')
  await rejectionOf(callWhoAmI(target, aliceOld(bothCas)))
})

Rotation.run()
