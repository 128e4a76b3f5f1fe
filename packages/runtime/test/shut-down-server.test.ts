import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { shutDownServer } from '../src/index.js'
import type { GracefulServer } from '../src/index.js'

/** A server whose graceful shutdown completes only when `finish` is called. */
function fakeServer(): GracefulServer & { forced: boolean; finish: () => void } {
  let done: (() => void) | undefined
  return {
    forced: false,
    tryShutdown(callback) {
      done = () => callback()
    },
    forceShutdown() {
      this.forced = true
    },
    finish() {
      done?.()
    },
  }
}

const ShutDownServer = suite('shutDownServer')

ShutDownServer('shutDownServer - resolves when the calls in flight finish within the grace', async () => {
  const server = fakeServer()
  const stopped = shutDownServer(server, 60_000)
  server.finish()
  await stopped
  assert.is(server.forced, false)
})

ShutDownServer('shutDownServer - cuts what is left once the grace has passed', async () => {
  const server = fakeServer()
  await shutDownServer(server, 10)
  assert.is(server.forced, true)
})

ShutDownServer.run()
