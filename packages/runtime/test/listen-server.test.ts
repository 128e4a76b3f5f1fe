import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { listenServer } from '../src/index.js'

const ListenServer = suite('listenServer')

ListenServer('listenServer - resolves once listening, and rejects when the address is taken', async () => {
  const first = createServer()
  const second = createServer()
  try {
    await listenServer(first, { host: '127.0.0.1', port: 0 })
    const { port } = first.address() as AddressInfo
    await listenServer(second, { host: '127.0.0.1', port }).then(
      () => assert.unreachable('the second bind should fail'),
      (err: unknown) => assert.is((err as NodeJS.ErrnoException).code, 'EADDRINUSE'),
    )
    assert.is(second.listenerCount('error'), 0)
  } finally {
    second.close()
    first.close()
  }
})

ListenServer.run()
