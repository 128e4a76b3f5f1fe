import { X509Certificate, createPrivateKey } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { PkiError } from '../src/pki/pki-error.js'
import { CA_CERT_FILE, CA_KEY_FILE, createSiteCa, initSiteCa, loadSiteCa } from '../src/pki/site-ca.js'
import { x509 } from '../src/pki/x509.js'

const CreateSiteCa = suite('createSiteCa')

CreateSiteCa('createSiteCa - makes a self-signed P-256 CA for leaves only', async () => {
  const ca = await createSiteCa({ name: 'site-a' })
  const certificate = new X509Certificate(ca.certPem)
  assert.is(certificate.subject, 'CN=site-a')
  assert.is(certificate.issuer, 'CN=site-a')
  assert.ok(certificate.ca)
  assert.ok(certificate.verify(certificate.publicKey))
  assert.ok(certificate.checkPrivateKey(createPrivateKey(ca.keyPem)))
  assert.is(certificate.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1')
  assert.is(certificate.keyUsage, undefined)
  assert.is(ca.certificate.getExtension(x509.BasicConstraintsExtension)?.pathLength, 0)
  const days = (Date.parse(certificate.validTo) - Date.now()) / 86_400_000
  assert.ok(days > 3649 && days <= 3650, `valid for ${days} days`)
})

CreateSiteCa('createSiteCa - takes an explicit validity and rejects a reversed one', async () => {
  const validity = { notBefore: new Date('2030-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') }
  const certificate = new X509Certificate((await createSiteCa({ validity })).certPem)
  assert.is(new Date(certificate.validFrom).toISOString(), '2030-01-01T00:00:00.000Z')
  assert.is(new Date(certificate.validTo).toISOString(), '2031-01-01T00:00:00.000Z')
  try {
    await createSiteCa({ validity: { notBefore: validity.notAfter, notAfter: validity.notBefore } })
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, PkiError)
    assert.match((error as Error).message, 'is not after notBefore')
  }
})

interface DirCtx {
  dir: string
}

const InitSiteCa = suite<DirCtx>('initSiteCa', { dir: '' })
InitSiteCa.before.each(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-pki-ca-'))
})
InitSiteCa.after.each((ctx) => rm(ctx.dir, { recursive: true, force: true }))

InitSiteCa('initSiteCa - writes ca.crt and a 0600 ca.key into a new 0700 directory', async (ctx) => {
  const dir = join(ctx.dir, 'site')
  const files = await initSiteCa(dir, { name: 'site-b' })
  assert.equal(files, { certFile: join(dir, CA_CERT_FILE), keyFile: join(dir, CA_KEY_FILE) })
  assert.is((await stat(files.keyFile)).mode & 0o777, 0o600)
  assert.is((await stat(dir)).mode & 0o777, 0o700)
  const certificate = new X509Certificate(await readFile(files.certFile))
  assert.ok(certificate.checkPrivateKey(createPrivateKey(await readFile(files.keyFile))))
})

InitSiteCa('initSiteCa - never replaces an existing CA', async (ctx) => {
  await initSiteCa(ctx.dir)
  const before = await readFile(join(ctx.dir, CA_KEY_FILE), 'utf8')
  try {
    await initSiteCa(ctx.dir)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, PkiError)
    assert.match((error as Error).message, `${join(ctx.dir, CA_CERT_FILE)} already exists`)
  }
  assert.is(await readFile(join(ctx.dir, CA_KEY_FILE), 'utf8'), before)
})

const LoadSiteCa = suite<DirCtx>('loadSiteCa', { dir: '' })
LoadSiteCa.before.each(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-pki-load-'))
})
LoadSiteCa.after.each((ctx) => rm(ctx.dir, { recursive: true, force: true }))

LoadSiteCa('loadSiteCa - loads what initSiteCa wrote', async (ctx) => {
  await initSiteCa(ctx.dir, { name: 'site-c' })
  const ca = await loadSiteCa(ctx.dir)
  assert.is(ca.certificate.subject, 'CN=site-c')
  assert.is(ca.privateKey.type, 'private')
})

LoadSiteCa('loadSiteCa - says which file is missing', async (ctx) => {
  try {
    await loadSiteCa(ctx.dir)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, PkiError)
    assert.is((error as Error).message, `cannot read CA certificate ${join(ctx.dir, CA_CERT_FILE)}: ENOENT`)
  }
})

LoadSiteCa('loadSiteCa - refuses a key that does not belong to the CA certificate', async (ctx) => {
  await initSiteCa(ctx.dir)
  await writeFile(join(ctx.dir, CA_KEY_FILE), (await createSiteCa()).keyPem)
  try {
    await loadSiteCa(ctx.dir)
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, PkiError)
    assert.match((error as Error).message, 'is not the private key of')
  }
})

CreateSiteCa.run()
InitSiteCa.run()
LoadSiteCa.run()
