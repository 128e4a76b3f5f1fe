import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository the testbed runs from (this file is `packages/testbed/{src,dist}/...`). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** The built entry of each program the testbed runs with Node. */
export const PROGRAMS = {
  'dc-controller': 'packages/system-controller/dist/main.js',
  'dc-agent': 'packages/subcloud-agent/dist/main.js',
  'dc-pki': 'packages/cli/dist/main-pki.js',
  dcmanager: 'packages/cli/dist/main-dcmanager.js',
  system: 'packages/cli/dist/main-system.js',
  fm: 'packages/cli/dist/main-fm.js',
} as const

export type Program = keyof typeof PROGRAMS

export const programPath = (program: Program): string => join(REPO_ROOT, PROGRAMS[program])

/** The newest installed PostgreSQL server's bin directory, or undefined when none is installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root) : []
  return versions
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb')))
}

/** The nats-server binary, or undefined when none is installed. */
export function natsServerPath(): string | undefined {
  return ['/usr/sbin', '/usr/bin', '/usr/local/bin']
    .map((dir) => join(dir, 'nats-server'))
    .find((file) => existsSync(file))
}

/** Files and directories of one testbed under its state directory. */
export class TestbedPaths {
  constructor(readonly stateDir: string) {}

  get pkiDir(): string {
    return join(this.stateDir, 'pki')
  }
  get caFile(): string {
    return join(this.pkiDir, 'ca.crt')
  }
  /** Wrappers of the CLIs (`dcmanager`, `system`, `fm`, `dc-pki`) that `run` puts first on PATH. */
  get binDir(): string {
    return join(this.stateDir, 'bin')
  }
  /** `dc-pki issue --out` prefix of a certificate. */
  certPrefix(kind: 'controller' | 'agent' | 'operator' | 'nats', name: string): string {
    return join(this.pkiDir, `${kind}-${name}`)
  }
  siteDir(site: string): string {
    return join(this.stateDir, 'sites', site)
  }
  logFile(site: string, service: string): string {
    return join(this.siteDir(site), `${service}.log`)
  }
}
