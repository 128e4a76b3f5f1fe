import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createUser, fromSeed } from '@nats-io/nkeys'
import type { TestbedSite } from './topology.js'
import { programPath, type TestbedPaths } from './testbed-paths.js'
import { runChecked } from './run-command.js'

/**
 * Every credential of the testbed, made once by `up`: a site CA and certificates issued with the
 * real `dc-pki` (controllers, agents and NATS nodes for each address they listen on, and an admin
 * operator for `run`), and one NATS NKEY user per central site.
 */

async function dcPki(args: readonly string[]): Promise<void> {
  await runChecked(process.execPath, [programPath('dc-pki'), ...args])
}

function addressesOf(site: TestbedSite): string[] {
  const families = site.role === 'subcloud' ? site.listen : (['ipv6', 'ipv4'] as const)
  return families.map((family) => site.link[family].address)
}

async function issue(
  paths: TestbedPaths,
  out: string,
  kind: 'controller' | 'agent' | 'operator',
  name: string,
  extra: readonly string[],
): Promise<void> {
  if (existsSync(`${out}.crt`)) return
  await dcPki(['issue', '--dir', paths.pkiDir, '--kind', kind, '--name', name, '--out', out, ...extra])
}

/** Issues what `sites` need (each certificate once; a second `up` finds them). */
export async function issueCredentials(
  sites: readonly TestbedSite[],
  paths: TestbedPaths,
  progress: (line: string) => void,
): Promise<void> {
  if (!existsSync(paths.caFile)) {
    progress(`pki: dc-pki init ${paths.pkiDir}`)
    await mkdir(paths.stateDir, { recursive: true, mode: 0o755 })
    await dcPki(['init', '--dir', paths.pkiDir, '--name', 'dc-testbed'])
  }
  // One dc-pki process per certificate, all at once: each mostly waits for Node to start.
  await Promise.all([
    ...sites.flatMap((site) => {
      const ips = addressesOf(site).flatMap((ip) => ['--ip', ip])
      const kind = site.role === 'central' ? 'controller' : 'agent'
      return [
        site.role === 'witness'
          ? undefined
          : issue(paths, paths.certPrefix(kind, site.name), kind, site.name, ips),
        // A NATS node's certificate serves clients and authenticates its routes to the other
        // nodes: the controller kind carries both TLS usages.
        site.nats
          ? issue(paths, paths.certPrefix('nats', site.name), 'controller', `nats-${site.name}`, ips)
          : undefined,
        site.role === 'central' ? natsUser(paths, site.name) : undefined,
      ]
    }),
    issue(paths, paths.certPrefix('operator', 'admin'), 'operator', 'admin', ['--role', 'admin']),
  ])
  progress('pki: certificates issued with dc-pki, mutual TLS everywhere')
}

/** The NKEY seed file of `site` (its `--nats-creds`). */
export const natsSeedFile = (paths: TestbedPaths, site: string): string =>
  join(paths.pkiDir, `nkey-${site}.seed`)

async function natsUser(paths: TestbedPaths, site: string): Promise<void> {
  const file = natsSeedFile(paths, site)
  if (existsSync(file)) return
  await writeFile(file, createUser().getSeed())
  await chmod(file, 0o600)
}

/** The public NKEY of `site`'s NATS user. */
export async function natsPublicKey(paths: TestbedPaths, site: string): Promise<string> {
  return fromSeed(await readFile(natsSeedFile(paths, site))).getPublicKey()
}
