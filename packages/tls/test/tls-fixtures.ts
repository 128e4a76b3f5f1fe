// Shared by the TLS test files: certificates made by the real `dc-pki` (tls may not
// import the CLI package, so it runs as a process, as an operator would run it), and a one-method
// gRPC service that answers with the caller's identity as the server sees it.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Server, makeGenericClientConstructor } from '@grpc/grpc-js'
import type {
  ChannelCredentials,
  Client,
  ClientUnaryCall,
  ServerCredentials,
  ServiceDefinition,
  ServiceError,
  sendUnaryData,
  ServerUnaryCall,
} from '@grpc/grpc-js'
import { peerIdentity } from '../src/index.js'
import type { PeerIdentity } from '../src/index.js'

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const PKI_MAIN = join(REPO_ROOT, 'packages/cli/src/main-pki.ts')

export interface DcPkiResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `dc-pki args...` from the sources and resolves with its exit status and output. */
export function dcPki(args: readonly string[]): Promise<DcPkiResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', PKI_MAIN, ...args],
      { cwd: REPO_ROOT },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/** Runs `dc-pki args...` and fails with its stderr unless it succeeded. */
export async function dcPkiOk(args: readonly string[]): Promise<string> {
  const result = await dcPki(args)
  if (result.code !== 0) throw new Error(`dc-pki ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result.stdout
}

/** A temp directory for one test file, removed by `remove()`. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** Paths of a certificate written with `--out prefix`. */
export function certFiles(prefix: string): { certFile: string; keyFile: string } {
  return { certFile: `${prefix}.crt`, keyFile: `${prefix}.key` }
}

const identity = (buffer: Buffer): Buffer => buffer

const WHO_AM_I: ServiceDefinition = {
  whoAmI: {
    path: '/dc.test.WhoAmI/WhoAmI',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
}

const WhoAmIClient = makeGenericClientConstructor(WHO_AM_I, 'WhoAmI')

/**
 * A server answering WhoAmI with `peerIdentity(call)` as JSON (`null` when anonymous), bound on
 * each of `hosts` (same port), e.g. `['127.0.0.1', '[::1]']`. Resolves with the port.
 */
export async function startWhoAmIServer(
  credentials: ServerCredentials,
  hosts: readonly string[],
): Promise<{ server: Server; port: number }> {
  const server = new Server()
  server.addService(WHO_AM_I, {
    whoAmI: (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
      callback(null, Buffer.from(JSON.stringify(peerIdentity(call) ?? null)))
    },
  })
  let port = 0
  for (const host of hosts) {
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${host}:${port}`, credentials, (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    )
  }
  return { server, port }
}

/** What a WhoAmI call saw: the identity the server read, and the server certificate's serial. */
export interface WhoAmIAnswer {
  readonly identity: PeerIdentity | null
  readonly serverSerial: string | undefined
}

interface WhoAmIStub extends Client {
  whoAmI(
    request: Buffer,
    options: { deadline: number },
    callback: (error: ServiceError | null, response?: Buffer) => void,
  ): ClientUnaryCall
}

/** One WhoAmI call on a fresh channel (closed afterwards); rejects with the grpc ServiceError. */
export async function callWhoAmI(target: string, credentials: ChannelCredentials): Promise<WhoAmIAnswer> {
  const client = new WhoAmIClient(target, credentials) as unknown as WhoAmIStub
  try {
    return await new Promise<WhoAmIAnswer>((resolve, reject) => {
      const call = client.whoAmI(Buffer.alloc(0), { deadline: Date.now() + 20_000 }, (error, response) => {
        if (error !== null) return reject(error)
        resolve({
          identity: JSON.parse(response?.toString() ?? 'null') as PeerIdentity | null,
          serverSerial: call.getAuthContext()?.sslPeerCertificate?.serialNumber,
        })
      })
    })
  } finally {
    client.close()
  }
}

/** The rejection of `promise`, or a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection, got a result')
}
