import { webcrypto } from 'node:crypto'
import { PkiError } from './pki-error.js'
import { x509 } from './x509.js'

// ECDSA P-256: small keys and fast handshakes, and supported by every TLS stack the fleet meets.
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const

/** The algorithm certificates are signed with: ECDSA over P-256 with SHA-256. */
export const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const

/** A fresh P-256 key pair; extractable, because the private key is written to a PEM file. */
export function generateKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, [
    'sign',
    'verify',
  ]) as Promise<webcrypto.CryptoKeyPair>
}

/** `key` as an unencrypted PKCS#8 PEM, the form Node's TLS and grpc-js read. */
export async function privateKeyToPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key)
  return x509.PemConverter.encode(der, 'PRIVATE KEY')
}

/** Imports a PKCS#8 PEM P-256 private key for signing; `source` names it in the error. */
export async function importPrivateKeyPem(pem: string, source: string): Promise<webcrypto.CryptoKey> {
  const [der] = x509.PemConverter.isPem(pem) ? x509.PemConverter.decode(pem) : []
  if (der === undefined) throw new PkiError(`${source}: not a PEM private key`)
  try {
    return await webcrypto.subtle.importKey('pkcs8', der, KEY_ALGORITHM, false, ['sign'])
  } catch (error) {
    throw new PkiError(`${source}: not a PKCS#8 ECDSA P-256 private key (${(error as Error).message})`)
  }
}
