import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connect, nkeyAuthenticator, nkeys } from '@nats-io/transport-node'
import type { NatsConnection } from '@nats-io/transport-node'
import { renderNatsServerConfig } from '@dc/system-controller'
import { startNatsServer } from '@dc/test/support/index.js'
import type { NatsServer } from '@dc/test/support/index.js'

export const SITE_A = 'site-a'
export const SITE_B = 'site-b'

/**
 * The NATS server of a geo-redundant pair as an operator would run it: JetStream, one NKEY user
 * per site allowed only its own subjects, plus a read-only observer for the bench. Plaintext on
 * IPv6 loopback (the controllers' primary OAM family); TLS is orthogonal to what is measured.
 */
export interface GeoLink {
  readonly server: NatsServer
  /** Controller flags of each site: URL, credentials file, site id. */
  readonly args: Readonly<Record<typeof SITE_A | typeof SITE_B, readonly string[]>>
  /** A connection as the observer (subscribe to `dc.>` only). */
  observe(): Promise<NatsConnection>
  /** A connection as `site` (its own subjects and the JetStream API). */
  as(site: typeof SITE_A | typeof SITE_B): Promise<NatsConnection>
  stop(): Promise<void>
}

export async function startGeoLink(dir: string, extraArgs: readonly string[]): Promise<GeoLink> {
  const users = { [SITE_A]: nkeys.createUser(), [SITE_B]: nkeys.createUser() }
  const observer = nkeys.createUser()
  const server = await startNatsServer({
    host: '::1',
    config: ({ listen, storeDir }) =>
      renderNatsServerConfig({
        listen,
        jetstreamStoreDir: storeDir,
        sites: [SITE_A, SITE_B].map((siteId) => ({
          siteId,
          nkey: users[siteId as typeof SITE_A].getPublicKey(),
        })),
        observers: [observer.getPublicKey()],
      }),
  })
  const args: Record<string, string[]> = {}
  for (const site of [SITE_A, SITE_B] as const) {
    const seedFile = join(dir, `${site}.nk`)
    await writeFile(seedFile, users[site].getSeed())
    await chmod(seedFile, 0o600)
    args[site] = ['--nats-url', server.url, '--nats-creds', seedFile, '--site-id', site, ...extraArgs]
  }
  const open = (seed: Uint8Array): Promise<NatsConnection> =>
    connect({ servers: server.url, authenticator: nkeyAuthenticator(seed) })
  return {
    server,
    args: { [SITE_A]: args[SITE_A] ?? [], [SITE_B]: args[SITE_B] ?? [] },
    observe: () => open(observer.getSeed()),
    as: (site) => open(users[site].getSeed()),
    stop: () => server.stop(),
  }
}
