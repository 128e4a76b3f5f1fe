import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runNode } from './processes.js'

/** A certificate and its key, as `dc-pki issue --out PREFIX` writes them. */
export interface IssuedFiles {
  readonly certFile: string
  readonly keyFile: string
}

export interface IssueOptions {
  /** `--kind`. */
  readonly kind: 'controller' | 'agent' | 'operator'
  readonly name: string
  /** `--ip` for each listen address (controllers and agents). */
  readonly ips?: readonly string[]
  readonly role?: 'admin' | 'reader'
  /** `--not-before`/`--not-after`, ISO dates, e.g. for an expired certificate. */
  readonly validity?: { readonly notBefore: string; readonly notAfter: string }
  /** Files prefix. @default `<dir>/<kind>-<name>` (re-issuing onto it rotates the files in place) */
  readonly out?: string
}

/** A site CA made by the real `dc-pki`, as an operator would run it. */
export interface TestCa {
  /** The CA directory (`ca.crt`, `ca.key`). */
  readonly dir: string
  /** Its certificate, PEM. */
  readonly certFile: string
  /** `dc-pki issue` with this CA; resolves with the files and the serial it printed. */
  issue(options: IssueOptions): Promise<IssuedFiles & { readonly serial: string }>
}

/** `dc-pki init --dir <dir> --name <name>`. */
export async function createTestCa(dir: string, name: string): Promise<TestCa> {
  await dcPki(['init', '--dir', dir, '--name', name])
  return {
    dir,
    certFile: join(dir, 'ca.crt'),
    issue: async (options) => {
      const out = options.out ?? join(dir, `${options.kind}-${options.name}`)
      const stdout = await dcPki([
        'issue',
        ...['--dir', dir, '--kind', options.kind, '--name', options.name, '--out', out],
        ...(options.ips ?? []).flatMap((ip) => ['--ip', ip]),
        ...(options.role === undefined ? [] : ['--role', options.role]),
        ...(options.validity === undefined
          ? []
          : ['--not-before', options.validity.notBefore, '--not-after', options.validity.notAfter]),
      ])
      const serial = /serial ([0-9A-Fa-f]+)/.exec(stdout)?.[1]
      if (serial === undefined) throw new Error(`dc-pki issue printed no serial: ${stdout}`)
      return { certFile: `${out}.crt`, keyFile: `${out}.key`, serial }
    },
  }
}

/**
 * Writes the CA bundle `path` trusting exactly `cas`, atomically (temp file + rename), the way a
 * CA rollover replaces a bundle under running servers: they see either the old or the new one.
 */
export async function writeCaBundle(path: string, cas: readonly TestCa[]): Promise<void> {
  const pems = await Promise.all(cas.map((ca) => readFile(ca.certFile, 'utf8')))
  const temp = `${path}.tmp`
  await writeFile(temp, pems.join(''))
  await rename(temp, path)
}

async function dcPki(args: readonly string[]): Promise<string> {
  const result = await runNode('dc-pki', args)
  if (result.code !== 0) throw new Error(`dc-pki ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result.stdout
}
