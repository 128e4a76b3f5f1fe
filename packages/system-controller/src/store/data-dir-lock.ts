import { randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { StoreLockedError } from '../errors.js'
import type { StoreHolder } from '../errors.js'

/** Beside the store: who holds the data directory, for the refusal message only (the socket is the lock). */
export const LOCK_FILE = 'dc-controller.lock.json'

/** A request the holder of a data directory answers over its lock socket, one JSON line each way. */
export interface LockRequest {
  readonly op: 'backup'
  /** Absolute path of the file to write; an existing file is never overwritten. */
  readonly out: string
  /**
   * The token in the lock file: an abstract socket has no permissions, so only who can read the
   * data directory may ask.
   */
  readonly token: string
}

export type LockRequestHandler = (request: LockRequest) => Promise<void>

/** The exclusive hold on a data directory; it dies with the process, so kill -9 leaves nothing stale. */
export interface DataDirLock {
  /** Answer requests of `dc-controller backup` while this process holds the directory. */
  serve(handler: LockRequestHandler): void
  release(): Promise<void>
}

/**
 * The abstract socket's name: Linux frees it when its last descriptor closes, whatever killed the
 * process. Device and inode name the directory itself, so two spellings of one path (symlinks,
 * bind mounts) meet on the same name.
 */
function socketName(dataDir: string): string {
  const { dev, ino } = statSync(dataDir, { bigint: true })
  return `\0dc-controller/data-dir/${dev}:${ino}`
}

function readLockFile(dataDir: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** The token of the lock file of `dataDir`, for {@link askHolder}; empty when unreadable. */
export function lockToken(dataDir: string): string {
  const { token } = readLockFile(dataDir)
  return typeof token === 'string' ? token : ''
}

function readHolder(dataDir: string): StoreHolder {
  const parsed = readLockFile(dataDir)
  return {
    pid: typeof parsed.pid === 'number' ? parsed.pid : undefined,
    host: typeof parsed.host === 'string' ? parsed.host : undefined,
    since: typeof parsed.startedAt === 'string' ? parsed.startedAt : undefined,
  }
}

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(token))
}

function listen(server: Server, path: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      if (err.code === 'EADDRINUSE') resolve(false)
      else reject(err)
    }
    server.once('error', onError)
    server.listen({ path }, () => {
      server.off('error', onError)
      resolve(true)
    })
  })
}

function answer(socket: Socket, token: string, handler: LockRequestHandler | undefined): void {
  let text = ''
  socket.setEncoding('utf8')
  socket.on('error', () => undefined)
  socket.on('data', (chunk: string) => {
    text += chunk
    const end = text.indexOf('\n')
    if (end < 0) return
    const reply = (body: object): void => void socket.end(`${JSON.stringify(body)}\n`)
    let request: LockRequest
    try {
      request = JSON.parse(text.slice(0, end)) as LockRequest
    } catch {
      reply({ error: 'unreadable request' })
      return
    }
    if (!sameToken(request.token, token)) {
      reply({ error: 'refused: the token of the data directory lock file does not match' })
      return
    }
    if (handler === undefined || request.op !== 'backup') {
      reply({ error: `this controller does not answer ${String(request.op)} requests` })
      return
    }
    handler(request).then(
      () => reply({ ok: true }),
      (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }),
    )
  })
}

/**
 * Take `dataDir` (created if missing) for this process alone, or throw {@link StoreLockedError}
 * naming the holder.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true })
  let handler: LockRequestHandler | undefined
  const token = randomBytes(16).toString('hex')
  const server = createServer((socket) => answer(socket, token, handler))
  if (!(await listen(server, socketName(dataDir)))) {
    throw new StoreLockedError(`Data directory ${dataDir}`, readHolder(dataDir))
  }
  // The socket must not keep an otherwise finished process alive.
  server.unref()
  writeFileSync(
    join(dataDir, LOCK_FILE),
    `${JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token })}\n`,
    { mode: 0o600 },
  )
  // A lock file left by an older release may be readable by all; the token must not be.
  chmodSync(join(dataDir, LOCK_FILE), 0o600)
  return {
    serve: (h) => {
      handler = h
    },
    release: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * Ask the controller holding `dataDir` for a request; resolves false when nobody holds it (then the
 * caller may take the directory itself).
 */
export async function askHolder(
  dataDir: string,
  request: LockRequest,
  signal: AbortSignal,
): Promise<boolean> {
  if (!existsSync(dataDir)) return false
  const path = socketName(dataDir)
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path })
    let text = ''
    const onAbort = (): void => {
      socket.destroy()
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    socket.setEncoding('utf8')
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`))
    socket.on('data', (chunk: string) => {
      text += chunk
    })
    socket.on('error', (err: NodeJS.ErrnoException) => {
      signal.removeEventListener('abort', onAbort)
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') resolve(false)
      else reject(err)
    })
    socket.on('end', () => {
      signal.removeEventListener('abort', onAbort)
      try {
        const reply = JSON.parse(text) as { ok?: boolean; error?: string }
        if (reply.ok === true) resolve(true)
        else reject(new Error(reply.error ?? 'no answer'))
      } catch {
        reject(new Error('the running controller gave no readable answer'))
      }
    })
  })
}
