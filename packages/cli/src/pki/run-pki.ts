import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { OPERATOR_ROLES, PEER_KINDS } from '@dc/tls'
import { describeCertificates, formatCertificateSummary } from './describe-certificate.js'
import { issueCertificate, writeIssuedCertificate } from './issue-certificate.js'
import { PkiError } from './pki-error.js'
import { initSiteCa, loadSiteCa } from './site-ca.js'
import { validityForDays } from './validity.js'
import type { Validity } from './validity.js'

/** Where `dc-pki` writes; the process entry passes the real streams, tests capture them. */
export interface PkiIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly signal?: AbortSignal
}

export const PKI_USAGE = `usage:
  dc-pki init  --dir DIR [--name NAME] [--days N | --not-before DATE --not-after DATE]
  dc-pki issue --dir DIR --kind controller|agent|operator --name NAME
               [--ip ADDR]... [--dns NAME]... [--role admin|reader]
               [--days N | --not-before DATE --not-after DATE] [--out PREFIX]
  dc-pki show  FILE

init   creates a site CA in DIR: ca.crt and ca.key (mode 0600); never overwrites one.
issue  signs a certificate with the CA of DIR into PREFIX.crt and PREFIX.key
       (default PREFIX: DIR/KIND-NAME). Controllers and agents need an --ip for every
       listen address, both families; operators need --role. Re-issuing onto the files
       of a running server rotates its certificate without a restart.
show   prints subject, SANs, identity and validity of every certificate in FILE.
`

/** Usage errors: exit status 2, as getopt-style tools do, so scripts can tell them from failures. */
class PkiUsageError extends Error {
  override readonly name = 'PkiUsageError'
}

const VALIDITY_OPTIONS = {
  days: { type: 'string' },
  'not-before': { type: 'string' },
  'not-after': { type: 'string' },
} as const

/**
 * Runs `dc-pki` with `argv` (without the program name) and resolves to its exit status: 0 done,
 * 1 failed (one line on stderr), 2 usage error.
 */
export async function runPki(argv: readonly string[], io: PkiIo): Promise<number> {
  try {
    const [command, ...rest] = argv
    switch (command) {
      case 'init':
        await init(rest, io)
        return 0
      case 'issue':
        await issue(rest, io)
        return 0
      case 'show':
        await show(rest, io)
        return 0
      case '-h':
      case '--help':
      case 'help':
        io.stdout(PKI_USAGE)
        return 0
      case undefined:
        throw new PkiUsageError('missing command')
      default:
        throw new PkiUsageError(`unknown command "${command}"`)
    }
  } catch (error) {
    if (error instanceof PkiUsageError || isParseArgsError(error)) {
      io.stderr(`dc-pki: ${(error as Error).message}\n${PKI_USAGE}`)
      return 2
    }
    io.stderr(`dc-pki: ${oneLine(error)}\n`)
    return 1
  }
}

async function init(argv: readonly string[], io: PkiIo): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { dir: { type: 'string' }, name: { type: 'string' }, ...VALIDITY_OPTIONS },
  })
  const dir = required(values.dir, '--dir')
  const validity = parseValidity(values)
  io.signal?.throwIfAborted()
  const files = await initSiteCa(dir, {
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(validity === undefined ? {} : { validity }),
  })
  io.stdout(`created site CA: ${files.certFile} and ${files.keyFile}\n`)
}

async function issue(argv: readonly string[], io: PkiIo): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dir: { type: 'string' },
      kind: { type: 'string' },
      name: { type: 'string' },
      ip: { type: 'string', multiple: true },
      dns: { type: 'string', multiple: true },
      role: { type: 'string' },
      out: { type: 'string' },
      ...VALIDITY_OPTIONS,
    },
  })
  const dir = required(values.dir, '--dir')
  const kind = oneOf(required(values.kind, '--kind'), PEER_KINDS, '--kind')
  const name = required(values.name, '--name')
  const role = values.role === undefined ? undefined : oneOf(values.role, OPERATOR_ROLES, '--role')
  const validity = parseValidity(values)
  const ca = await loadSiteCa(dir)
  const issued = await issueCertificate(ca, {
    kind,
    name,
    ipAddresses: values.ip ?? [],
    dnsNames: values.dns ?? [],
    ...(role === undefined ? {} : { role }),
    ...(validity === undefined ? {} : { validity }),
  })
  io.signal?.throwIfAborted()
  const files = await writeIssuedCertificate(values.out ?? join(dir, `${kind}-${name}`), issued)
  io.stdout(
    `issued ${kind} certificate ${name} (serial ${issued.certificate.serialNumber}, ` +
      `valid until ${issued.certificate.notAfter.toISOString()}): ${files.certFile} and ${files.keyFile}\n`,
  )
}

async function show(argv: readonly string[], io: PkiIo): Promise<void> {
  const { positionals } = parseArgs({ args: [...argv], options: {}, allowPositionals: true })
  const [file, extra] = positionals
  if (file === undefined || extra !== undefined) throw new PkiUsageError('show takes exactly one FILE')
  let pem: string
  try {
    pem = await readFile(file, 'utf8')
  } catch (error) {
    throw new PkiError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
  const now = new Date()
  io.stdout(
    describeCertificates(pem, file)
      .map((summary) => formatCertificateSummary(summary, now))
      .join('\n'),
  )
}

function parseValidity(values: {
  days?: string | undefined
  'not-before'?: string | undefined
  'not-after'?: string | undefined
}): Validity | undefined {
  const { days, 'not-before': notBefore, 'not-after': notAfter } = values
  if (days !== undefined) {
    if (notBefore !== undefined || notAfter !== undefined) {
      throw new PkiUsageError('--days and --not-before/--not-after exclude each other')
    }
    if (!/^\d+$/.test(days)) throw new PkiUsageError(`--days expects a whole number, got "${days}"`)
    return validityForDays(Number(days))
  }
  if (notBefore === undefined && notAfter === undefined) return undefined
  if (notBefore === undefined || notAfter === undefined) {
    throw new PkiUsageError('--not-before and --not-after go together')
  }
  return { notBefore: parseDate(notBefore, '--not-before'), notAfter: parseDate(notAfter, '--not-after') }
}

function parseDate(text: string, flag: string): Date {
  const date = new Date(text)
  if (Number.isNaN(date.getTime())) throw new PkiUsageError(`${flag} expects an ISO 8601 date, got "${text}"`)
  return date
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new PkiUsageError(`missing ${flag}`)
  return value
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const match = allowed.find((candidate) => candidate === value)
  if (match === undefined)
    throw new PkiUsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`)
  return match
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')
}
