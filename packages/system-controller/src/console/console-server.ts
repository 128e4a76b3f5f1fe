import { readFileSync, readdirSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import type { ConsoleDelta, SnapshotEvent, Viewer } from '@dc/console'
import type { Logger } from '@dc/runtime'
import { consoleAccess } from './console-access.js'
import type { ConsoleFeed } from './console-feed.js'
import { packRows } from './console-views.js'
import { subcloudDetail } from './subcloud-detail.js'
import type { SubcloudDetailDeps } from './subcloud-detail.js'

/** What the console's HTTP handler serves from. */
export interface ConsoleHandlerDeps {
  readonly feed: ConsoleFeed
  readonly detail: SubcloudDetailDeps
  /** The built front end (`@dc/console`'s dist): served as it is, nothing fetched elsewhere. */
  readonly assetsDir: string
  readonly tls: boolean
  readonly log: Logger
  /** How often an event stream sends a comment so that proxies keep it open. @default 15000 */
  readonly keepAliveMs?: number
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

// Everything comes from the controller itself; the page may not load or send anything elsewhere.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

interface Asset {
  readonly body: Buffer
  readonly type: string
}

function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return assets
  }
  for (const name of names) {
    const type = TYPES[extname(name)]
    if (type !== undefined) assets.set(`/${name}`, { body: readFileSync(join(dir, name)), type })
  }
  return assets
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' })
  response.end(body)
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function openStream(
  request: IncomingMessage,
  response: ServerResponse,
  deps: ConsoleHandlerDeps,
  viewer: Viewer,
): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  })
  const write = (event: string, data: unknown): void => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  let stop: (() => void) | undefined
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), deps.keepAliveMs ?? 15_000)
  request.once('close', () => {
    clearInterval(keepAlive)
    stop?.()
  })
  deps.feed
    .subscribe((delta: ConsoleDelta) => write('delta', delta))
    .then((subscription) => {
      if (request.destroyed) return subscription.stop()
      stop = subscription.stop
      response.write('retry: 1000\n\n')
      const { snapshot } = subscription
      const event: SnapshotEvent = { viewer, ...snapshot, subclouds: packRows(snapshot.subclouds) }
      write('snapshot', event)
    })
    .catch((err: unknown) => {
      deps.log.warn('console: reading the fleet for an event stream failed', { err })
      response.end()
    })
}

async function api(
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
  deps: ConsoleHandlerDeps,
  viewer: Viewer,
): Promise<void> {
  const route = path.slice('/api/'.length)
  if (route === 'events') return openStream(request, response, deps, viewer)
  if (route === 'whoami') return json(response, 200, viewer)
  if (route.startsWith('subclouds/')) {
    const name = decodeURIComponent(route.slice('subclouds/'.length))
    const closed = new AbortController()
    response.once('close', () => closed.abort())
    const detail = await subcloudDetail(name, deps.detail, closed.signal)
    return detail === undefined
      ? json(response, 404, { error: `no subcloud is named '${name}'` })
      : json(response, 200, detail)
  }
  const snapshot = await deps.feed.current()
  const views: Readonly<Record<string, unknown>> = {
    fleet: { summary: snapshot.summary, alarms: snapshot.alarms, strategy: snapshot.strategy },
    subclouds: snapshot.subclouds,
    strategy: { strategy: snapshot.strategy, steps: snapshot.steps },
    geo: snapshot.geo,
  }
  const view = views[route]
  if (view === undefined) return json(response, 404, { error: `unknown API path ${path}` })
  return json(response, 200, { version: snapshot.version, ...(view as object) })
}

/**
 * The console's request handler: the front end's files, the read-only JSON API under `/api/`
 * and its event stream (`/api/events`: a `snapshot`, then a `delta` per change). Anything but
 * GET or HEAD is refused: the console changes nothing.
 */
export function consoleHandler(
  deps: ConsoleHandlerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const assets = loadAssets(deps.assetsDir)
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const verdict = consoleAccess(request, deps.tls)
    if ('refused' in verdict) return json(response, 403, { error: verdict.refused })
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      return json(response, 405, { error: 'the console is read-only: it answers GET and HEAD only' })
    }
    const path = new URL(request.url ?? '/', 'http://console').pathname
    if (path.startsWith('/api/')) return api(path, request, response, deps, verdict.viewer)
    const asset = assets.get(path === '/' ? '/index.html' : path)
    if (asset !== undefined) return send(response, 200, asset.type, asset.body)
    if (assets.size === 0) {
      return send(
        response,
        503,
        'text/plain; charset=utf-8',
        'console assets are not built: run pnpm run build\n',
      )
    }
    return send(response, 404, 'text/plain; charset=utf-8', `not found: ${path}\n`)
  }
  return (request, response) => {
    handle(request, response).catch((err: unknown) => {
      deps.log.warn('console: a request failed', { err, path: request.url })
      if (!response.headersSent)
        json(response, 503, { error: 'the controller could not read its store; retry' })
      else response.end()
    })
  }
}
