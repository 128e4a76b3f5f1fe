import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createUser, fromSeed } from '@nats-io/nkeys'
import type { TestbedSite, Topology } from './topology.js'
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
  kind: 'controller' | 'agent' | 'operator',
  name: string,
  extra: readonly string[],
  file: 'controller' | 'agent' | 'operator' | 'nats' = kind,
): Promise<void> {
  const out = paths.certPrefix(file, name)
  if (existsSync(`${out}.crt`)) return
  await dcPki(['issue', '--dir', paths.pkiDir, '--kind', kind, '--name', name, '--out', out, ...extra])
}

export async function issueCredentials(
  topology: Topology,
  paths: TestbedPaths,
  progress: (line: string) => void,
): Promise<void> {
  if (!existsSync(paths.caFile)) {
    progress(`pki: dc-pki init ${paths.pkiDir}`)
    await mkdir(paths.stateDir, { recursive: true, mode: 0o755 })
    await dcPki(['init', '--dir', paths.pkiDir, '--name', 'dc-testbed'])
  }
  for (const site of topology.sites) {
    const ips = addressesOf(site).flatMap((ip) => ['--ip', ip])
    if (site.role !== 'witness') {
      await issue(paths, site.role === 'central' ? 'controller' : 'agent', site.name, ips)
    }
    // A NATS node's certificate serves clients and authenticates its routes to the other nodes:
    // the controller kind carries both TLS usages.
    if (site.nats) await issue(paths, 'controller', `nats-${site.name}`, ips, 'nats')
    if (site.role === 'central') await natsUser(paths, site.name)
  }
  await issue(paths, 'operator', 'admin', ['--role', 'admin'])
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
