import { createServer } from 'node:net'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ListenBindError, bindListenAddress, listenAddress, listenServer } from '../src/index.js'
import type { BindableServer } from '../src/index.js'

const BindListenAddress = suite('bindListenAddress')

function recordingServer(answer: Error | null): BindableServer<string> & { bound: string[] } {
  const bound: string[] = []
  return {
    bound,
    bindAsync: (port, _credentials, callback) => {
      bound.push(port)
      setImmediate(() => callback(answer, answer === null ? 1234 : -1))
    },
  }
}

BindListenAddress('bindListenAddress - a free address is bound and its port returned', async () => {
  const server = recordingServer(null)
  assert.is(await bindListenAddress(server, 'creds', '--listen', listenAddress('127.0.0.1', 0)), 1234)
  assert.equal(server.bound, ['127.0.0.1:0'])
})

BindListenAddress('bindListenAddress - an address in use is refused before grpc-js tries it', async () => {
  const holder = createServer()
  await listenServer(holder, { host: '127.0.0.1', port: 0 })
  const { port } = holder.address() as { port: number }
  const server = recordingServer(null)
  try {
    const err = await bindListenAddress(server, 'creds', '--listen', listenAddress('127.0.0.1', port)).then(
      () => assert.unreachable('the bind should fail'),
      (e: unknown) => e,
    )
    assert.instance(err, ListenBindError)
    assert.is(
      (err as Error).message,
      `cannot listen on --listen 127.0.0.1:${port}: the address is already in use by another process (EADDRINUSE)`,
    )
    assert.equal(server.bound, [], 'grpc-js never saw it')
  } finally {
    holder.close()
  }
})

BindListenAddress(
  'bindListenAddress - a grpc-js bind failure after the probe names the errno it quotes',
  async () => {
    const server = recordingServer(
      new Error(
        'No address added out of total 1 resolved errors: [listen EADDRINUSE: address already in use 127.0.0.1:7]',
      ),
    )
    const err = await bindListenAddress(server, 'creds', '--metrics', listenAddress('127.0.0.1', 0)).then(
      () => assert.unreachable('the bind should fail'),
      (e: unknown) => e,
    )
    assert.is(
      (err as Error).message,
      'cannot listen on --metrics 127.0.0.1:0: the address is already in use by another process (EADDRINUSE)',
    )
  },
)

BindListenAddress.run()
