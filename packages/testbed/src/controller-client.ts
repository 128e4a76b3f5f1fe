import { readFileSync } from 'node:fs'
import { credentials, status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type { DcManagerClient, ListSubcloudsResponse__Output, Subcloud__Output } from '@dc/protos'
import type { CentralSite, Topology } from './topology.js'
import { hostPort } from './testbed-services.js'
import type { TestbedPaths } from './testbed-paths.js'

/** Every call the testbed makes has a deadline, so a cut site never hangs a command. */
const CALL_TIMEOUT_MS = 15_000

/** The admin operator's mutual-TLS client of `site`'s controller, on its primary (IPv6) address. */
export function controllerClient(
  topology: Topology,
  paths: TestbedPaths,
  site: CentralSite,
): DcManagerClient {
  const operator = paths.certPrefix('operator', 'admin')
  const tls = credentials.createSsl(
    readFileSync(paths.caFile),
    readFileSync(`${operator}.key`),
    readFileSync(`${operator}.crt`),
  )
  const address = hostPort(site.link.ipv6.address, topology.ports.controller)
  return new (loadProtos().dc.manager.v1.DcManager)(address, tls)
}

type Callback<T> = (error: ServiceError | null, value?: T) => void

/** One unary call with the testbed's deadline. */
export function call<T>(start: (options: { deadline: Date }, callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start({ deadline: new Date(Date.now() + CALL_TIMEOUT_MS) }, (error, value) =>
      error === null && value !== undefined ? resolve(value) : reject(error ?? new Error('empty reply')),
    )
  })
}

/** Resolves `undefined` where the call failed because the thing exists already. */
export async function unlessExists<T>(attempt: Promise<T>): Promise<T | undefined> {
  try {
    return await attempt
  } catch (error) {
    if ((error as Partial<ServiceError>).code === status.ALREADY_EXISTS) return undefined
    throw error
  }
}

export async function listSubclouds(client: DcManagerClient): Promise<Subcloud__Output[]> {
  const reply = await call<ListSubcloudsResponse__Output>((o, cb) =>
    client.ListSubclouds({ all: true }, o, cb),
  )
  return reply.subclouds
}
