import { X509Certificate, createPrivateKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { TlsConfigError } from './tls-errors.js'

/**
 * The files of one TLS endpoint. `caFile` is a PEM bundle of every CA whose certificates the
 * endpoint accepts from its peers (during a CA rollover: the old and the new one).
 */
export interface TlsFiles {
  readonly caFile: string
  readonly certFile: string
  readonly keyFile: string
}

/** {@link TlsFiles} where the certificate and key are optional (a client presenting none). */
export interface CaOnlyTlsFiles {
  readonly caFile: string
  readonly certFile?: string | undefined
  readonly keyFile?: string | undefined
}

/** A certificate and its private key, checked to belong together. */
export interface TlsIdentity {
  readonly cert: Buffer
  readonly key: Buffer
  /** The leaf certificate (first of `cert`), for its serial number and validity. */
  readonly certificate: X509Certificate
}

/** Validated contents of {@link TlsFiles}. */
export interface TlsMaterial {
  readonly ca: Buffer
  readonly caCertificates: readonly X509Certificate[]
  readonly identity?: TlsIdentity
}

/** {@link TlsMaterial} read from files that name a certificate and key. */
export type TlsMaterialWithIdentity = TlsMaterial & { readonly identity: TlsIdentity }

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/**
 * Reads and checks TLS files synchronously (they are small, and callers need to fail at start-up,
 * before binding). The CA file must hold at least one CA certificate and nothing else that looks
 * broken; the key must be the certificate's. Throws {@link TlsConfigError}. Without `certFile`
 * and `keyFile` only the CA bundle is read (a client that presents no certificate).
 */
export function readTlsMaterial(files: TlsFiles): TlsMaterialWithIdentity
export function readTlsMaterial(files: CaOnlyTlsFiles): TlsMaterial
export function readTlsMaterial(files: CaOnlyTlsFiles): TlsMaterial {
  const ca = readFile(files.caFile, 'CA bundle')
  const caCertificates = parseCertificates(ca, files.caFile, 'CA bundle')
  const notCa = caCertificates.find((certificate) => !certificate.ca)
  if (notCa !== undefined) {
    throw new TlsConfigError(
      `CA bundle ${files.caFile} holds a certificate that is not a CA (${notCa.subject.replace(/\n/g, ', ')})`,
      files.caFile,
    )
  }
  const { certFile, keyFile } = files
  if (certFile === undefined && keyFile === undefined) return { ca, caCertificates }
  if (certFile === undefined || keyFile === undefined) {
    throw new TlsConfigError(
      'a TLS certificate and its private key go together: give both files or neither',
      certFile ?? keyFile ?? '',
    )
  }
  const cert = readFile(certFile, 'certificate')
  const [certificate] = parseCertificates(cert, certFile, 'certificate')
  const key = readFile(keyFile, 'private key')
  let privateKey
  try {
    privateKey = createPrivateKey(key)
  } catch (error) {
    throw new TlsConfigError(`private key ${keyFile} is not a usable PEM key`, keyFile, { cause: error })
  }
  if (certificate === undefined || !certificate.checkPrivateKey(privateKey)) {
    throw new TlsConfigError(`private key ${keyFile} does not belong to certificate ${certFile}`, keyFile)
  }
  return { ca, caCertificates, identity: { cert, key, certificate } }
}

/** Reads a PEM file of one or more certificates; throws TlsConfigError. */
export function readCertificates(file: string, what: string): X509Certificate[] {
  return parseCertificates(readFile(file, what), file, what)
}

function readFile(file: string, what: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new TlsConfigError(`cannot read TLS ${what} ${file}: ${code}`, file, { cause: error })
  }
}

function parseCertificates(pem: Buffer, file: string, what: string): X509Certificate[] {
  const blocks = pem.toString('latin1').match(PEM_CERTIFICATE) ?? []
  if (blocks.length === 0) throw new TlsConfigError(`TLS ${what} ${file} holds no PEM certificate`, file)
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block)
    } catch (error) {
      throw new TlsConfigError(`TLS ${what} ${file}: certificate ${index + 1} does not parse`, file, {
        cause: error,
      })
    }
  })
}
