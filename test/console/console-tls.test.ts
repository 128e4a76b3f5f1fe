// The console over HTTPS: a dc-controller with the site's TLS files and `--console-listen` asks
// the browser for an operator certificate. A reader (or admin) looks at the fleet; the console
// offers neither of them a change; an agent's certificate and no certificate are refused.
import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadChannelCredentials } from '@dc/tls'
import { startTestController } from '../controller/controller-harness.js'
import type { TestController } from '../controller/controller-harness.js'
import { createTestCa, freePort, launchChromium, makeTempDir, removeTempDir } from '../support/index.js'
import type { IssuedFiles, TestCa } from '../support/index.js'
import { buildConsoleAssets, waitForText } from './console-page.js'

interface Ctx {
  dir: string
  ca: TestCa | undefined
  controller: TestController | undefined
  origin: string
  files: Record<'reader' | 'admin' | 'agent', IssuedFiles> | undefined
}

const test = suite<Ctx>('web console over TLS', {
  dir: '',
  ca: undefined,
  controller: undefined,
  origin: '',
  files: undefined,
})

function filesOf(c: Ctx): Record<'reader' | 'admin' | 'agent', IssuedFiles> {
  if (c.files === undefined || c.ca === undefined) throw new Error('the suite did not start')
  return c.files
}

test.before(async (c) => {
  await buildConsoleAssets()
  c.dir = await makeTempDir('dct-console-tls-')
  c.ca = await createTestCa(join(c.dir, 'ca'), 'site-ca')
  const [server, reader, admin, agent] = await Promise.all([
    c.ca.issue({ kind: 'controller', name: 'central', ips: ['127.0.0.1', '::1'] }),
    c.ca.issue({ kind: 'operator', name: 'bob', role: 'reader' }),
    c.ca.issue({ kind: 'operator', name: 'alice', role: 'admin' }),
    c.ca.issue({ kind: 'agent', name: 'subcloud1', ips: ['127.0.0.1'] }),
  ])
  c.files = { reader, admin, agent }
  const port = await freePort('127.0.0.1')
  c.origin = `https://127.0.0.1:${port}`
  const tls = ['--tls-ca', c.ca.certFile, '--tls-cert', server.certFile, '--tls-key', server.keyFile]
  c.controller = await startTestController({
    dataDir: c.dir,
    args: [...tls, '--console-listen', `127.0.0.1:${port}`],
    credentials: loadChannelCredentials({ caFile: c.ca.certFile, ...admin }),
  })
})

test.after(async (c) => {
  await c.controller?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

/** One HTTPS request with `client` (or none): its status and body, or the handshake's failure. */
function fetchWith(
  c: Ctx,
  path: string,
  client: IssuedFiles | undefined,
  method = 'GET',
): Promise<{ status: number; body: string } | { failed: string }> {
  const ca = readFileSync(c.ca?.certFile ?? '')
  const identity =
    client === undefined ? {} : { cert: readFileSync(client.certFile), key: readFileSync(client.keyFile) }
  return new Promise((resolve) => {
    const req = request(`${c.origin}${path}`, { method, ca, ...identity, timeout: 20_000 }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', (err) => resolve({ failed: err.message }))
    req.end()
  })
}

test('a reader certificate looks at the fleet; nothing on the page offers a change', async (c) => {
  const { reader } = filesOf(c)
  const chromium = await launchChromium({
    ignoreHTTPSErrors: true,
    clientCertificates: [{ origin: c.origin, certPath: reader.certFile, keyPath: reader.keyFile }],
  })
  try {
    const page = await chromium.context.newPage()
    await page.goto(`${c.origin}/`)
    await waitForText(page, '[data-connection]', 'live')
    await waitForText(page, '[data-viewer]', 'operator bob (role reader), read-only')
    await waitForText(page, '[data-total]', /^0 subclouds/)
    for (const hash of ['#/subclouds', '#/strategy', '#/geo']) {
      await page.goto(`${c.origin}/${hash}`)
      await waitForText(page, '[data-connection]', 'live')
      // The only buttons are the column headers' sort buttons; no form posts anywhere.
      const buttons = await page.locator('button').allTextContents()
      assert.ok(
        buttons.every((b) =>
          /^(Name|Availability|Management|Deploy status|Sync|Network mode|Group|Peer group|Primary address)/.test(
            b,
          ),
        ),
        `${hash} offers ${buttons.join(', ')}`,
      )
      assert.is(
        await page.locator('form[method="post" i], input[type="submit"], [contenteditable="true"]').count(),
        0,
      )
    }
    const status = await page.evaluate(
      async () => (await fetch('/api/subclouds', { method: 'DELETE' })).status,
    )
    assert.is(status, 405)
  } finally {
    await chromium.close()
  }
})

test('the JSON API answers readers and admins, refuses agents, and the handshake refuses no certificate', async (c) => {
  const { reader, admin, agent } = filesOf(c)
  const read = await fetchWith(c, '/api/fleet', reader)
  assert.ok('status' in read && read.status === 200, JSON.stringify(read))
  const asAdmin = await fetchWith(c, '/api/whoami', admin)
  assert.equal(asAdmin, {
    status: 200,
    body: JSON.stringify({ label: 'operator alice (role admin)', readOnly: true }),
  })
  const changed = await fetchWith(c, '/api/subclouds', admin, 'POST')
  assert.ok('status' in changed && changed.status === 405, JSON.stringify(changed))
  const asAgent = await fetchWith(c, '/api/fleet', agent)
  assert.ok('status' in asAgent && asAgent.status === 403, JSON.stringify(asAgent))
  assert.match(
    asAgent.status === 403 ? asAgent.body : '',
    'needs the reader or admin role; the client presented agent subcloud1',
  )
  const anonymous = await fetchWith(c, '/api/fleet', undefined)
  assert.ok('failed' in anonymous, `served without a client certificate: ${JSON.stringify(anonymous)}`)
})

test.run()
