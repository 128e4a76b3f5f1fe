import { X509Certificate as NodeX509Certificate, createPrivateKey } from 'node:crypto'
import type { webcrypto } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { SIGNING_ALGORITHM, generateKeyPair, importPrivateKeyPem, privateKeyToPem } from './ec-key.js'
import { PkiError } from './pki-error.js'
import { checkValidity, validityForDays } from './validity.js'
import type { Validity } from './validity.js'
import { writeFileAtomic } from './write-file-atomic.js'
import { x509 } from './x509.js'

/** File names of a site CA inside its directory. */
export const CA_CERT_FILE = 'ca.crt'
export const CA_KEY_FILE = 'ca.key'

/** A site CA able to sign: its certificate and private key. */
export interface SiteCa {
  readonly certificate: x509.X509Certificate
  readonly privateKey: webcrypto.CryptoKey
}

export interface CreateSiteCaOptions {
  /**
   * Subject CN of the CA. Give each CA of a rollover its own name so certificates and logs say
   * which one signed.
   * @default 'dc-site-ca'
   */
  readonly name?: string
  /** @default ten years from now ({@link validityForDays}(3650)) */
  readonly validity?: Validity
}

/** A new site CA in memory, with its PEM texts. */
export interface CreatedSiteCa extends SiteCa {
  readonly certPem: string
  readonly keyPem: string
}

const DEFAULT_CA_NAME = 'dc-site-ca'
const DEFAULT_CA_DAYS = 3650

/** Creates a self-signed P-256 CA that may sign leaf certificates only (path length 0). */
export async function createSiteCa(options: CreateSiteCaOptions = {}): Promise<CreatedSiteCa> {
  const name = options.name ?? DEFAULT_CA_NAME
  if (name.trim() === '') throw new PkiError('invalid CA name: must not be empty')
  const { notBefore, notAfter } = checkValidity(options.validity ?? validityForDays(DEFAULT_CA_DAYS))
  const keys = await generateKeyPair()
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [name] }],
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  })
  return {
    certificate,
    privateKey: keys.privateKey,
    certPem: certificate.toString('pem') + '\n',
    keyPem: await privateKeyToPem(keys.privateKey),
  }
}

/** Where {@link initSiteCa} wrote the CA. */
export interface SiteCaFiles {
  readonly certFile: string
  readonly keyFile: string
}

/**
 * Creates a site CA in `dir` (created 0700 if missing): `ca.crt`, and `ca.key` with mode 0600.
 * Refuses to overwrite an existing CA: replacing it would orphan every certificate it signed.
 */
export async function initSiteCa(dir: string, options: CreateSiteCaOptions = {}): Promise<SiteCaFiles> {
  const certFile = join(dir, CA_CERT_FILE)
  const keyFile = join(dir, CA_KEY_FILE)
  for (const file of [certFile, keyFile]) {
    if (await exists(file)) {
      throw new PkiError(`${file} already exists: refusing to replace a CA (use a new --dir for a rollover)`)
    }
  }
  const ca = await createSiteCa(options)
  await writeFileAtomic(keyFile, ca.keyPem, 0o600)
  await writeFileAtomic(certFile, ca.certPem, 0o644)
  return { certFile, keyFile }
}

/** Loads the site CA of `dir`, checking that its key is the one its certificate certifies. */
export async function loadSiteCa(dir: string): Promise<SiteCa> {
  const certFile = join(dir, CA_CERT_FILE)
  const keyFile = join(dir, CA_KEY_FILE)
  const certPem = await readText(certFile, 'CA certificate')
  const keyPem = await readText(keyFile, 'CA private key')
  let certificate: x509.X509Certificate
  try {
    certificate = new x509.X509Certificate(certPem)
  } catch (error) {
    throw new PkiError(`${certFile}: not a PEM certificate (${(error as Error).message})`)
  }
  const privateKey = await importPrivateKeyPem(keyPem, keyFile)
  if (!new NodeX509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem))) {
    throw new PkiError(`${keyFile} is not the private key of ${certFile}`)
  }
  return { certificate, privateKey }
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new PkiError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw new PkiError(`cannot check ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
}
