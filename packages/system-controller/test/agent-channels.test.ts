import { Server, ServerCredentials, connectivityState, credentials, status } from '@grpc/grpc-js'
import type { ServerWritableStream, ServiceError, sendUnaryData } from '@grpc/grpc-js'
import { loadProtos } from '@dc/protos'
import type {
  DescribeRequest__Output,
  DescribeResponse,
  GetSystemRequest__Output,
  System,
  WatchEvent,
  WatchEvent__Output,
  WatchRequest__Output,
} from '@dc/protos'
import { waitFor } from '@dc/test-support'
import { connect, createServer } from 'node:net'
import type { Socket } from 'node:net'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { AgentChannels, grpcTarget } from '../src/adapters/agent-channels.js'

interface Ctx {
  server: Server
  /** Peer address (`ip:port` of the client side) of every call the server saw, by method. */
  peers: { method: string; peer: string }[]
  v4Port: number
  v6Port: number
  channels: AgentChannels
}

const Channels = suite<Ctx>('AgentChannels')

function bindAsync(server: Server, address: string): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    ),
  )
}

Channels.before(async (ctx) => {
  ctx.peers = []
  const { dc } = loadProtos()
  ctx.server = new Server()
  const record = (method: string, call: { getPeer(): string }): void => {
    ctx.peers.push({ method, peer: call.getPeer() })
  }
  ctx.server.addService(dc.agent.v1.Agent.service, {
    Describe(call: { getPeer(): string; getPath(): string }, callback: sendUnaryData<DescribeResponse>) {
      record('Describe', call)
      callback(null, { bootstrapped: false })
    },
    Watch(call: ServerWritableStream<WatchRequest__Output, WatchEvent>) {
      record('Watch', call)
      call.write({ heartbeat: { sequence: 1, generation: 4, sent_at_unix_ms: 1_796_676_432_355 } })
      call.write({ status: { bootstrapped: true, generation: 4, config_hash: 'h4' } })
      call.end()
    },
  })
  ctx.server.addService(dc.platform.v1.Platform.service, {
    GetSystem(
      call: { getPeer(): string; getPath(): string; request: GetSystemRequest__Output },
      callback: sendUnaryData<System>,
    ) {
      record('GetSystem', call)
      callback(null, { name: 'sc' })
    },
  })
  ctx.v4Port = await bindAsync(ctx.server, '127.0.0.1:0')
  ctx.v6Port = await bindAsync(ctx.server, '[::1]:0')
})

Channels.after((ctx) => {
  ctx.server.forceShutdown()
})

Channels.before.each((ctx) => {
  ctx.channels = new AgentChannels()
  ctx.peers.length = 0
})

Channels.after.each((ctx) => {
  ctx.channels.closeAll()
})

/** A loopback address whose port was just free: nothing listens there. */
async function deadAddress(): Promise<string> {
  const free = new Server()
  const port = await bindAsync(free, '127.0.0.1:0')
  free.forceShutdown()
  return `127.0.0.1:${port}`
}

function describe(channels: AgentChannels, name: string, address: string): Promise<void> {
  return new Promise((resolve, reject) =>
    channels
      .agent(name, address)
      .Describe({} as DescribeRequest__Output, { deadline: Date.now() + 10_000 }, (error) =>
        error ? reject(error) : resolve(),
      ),
  )
}

function getSystem(channels: AgentChannels, name: string, address: string): Promise<string> {
  return new Promise((resolve, reject) =>
    channels
      .platform(name, address)
      .GetSystem({}, { deadline: Date.now() + 10_000 }, (error: ServiceError | null, system?: System) =>
        error ? reject(error) : resolve(system?.name ?? ''),
      ),
  )
}

Channels(
  'AgentChannels - Agent and Platform clients of a subcloud share one channel and one connection',
  async (ctx) => {
    const address = `[::1]:${ctx.v6Port}`
    const agent = ctx.channels.agent('sc1', address)
    const platform = ctx.channels.platform('sc1', address)
    assert.is(agent.getChannel(), platform.getChannel())
    assert.is(ctx.channels.agent('sc1', address), agent, 'clients are reused, not made per call')
    await describe(ctx.channels, 'sc1', address)
    assert.is(await getSystem(ctx.channels, 'sc1', address), 'sc')
    await describe(ctx.channels, 'sc1', address)
    const peers = new Set(ctx.peers.map((p) => p.peer))
    assert.is(peers.size, 1, `one client connection, saw ${[...peers].join(', ')}`)
    assert.match([...peers][0] ?? '', /^(ipv6:)?\[?::1\]?:\d+$/)
    assert.is(ctx.channels.size, 1)
  },
)

Channels(
  'AgentChannels - readiness: connecting, then refused by a dead address or ready at a live one',
  async (ctx) => {
    const dead = await deadAddress()
    const settled = (name: string, address: string): Promise<void> =>
      new Promise((resolve) => ctx.channels.whenSettled(name, address, resolve))
    assert.is(ctx.channels.readiness('sc1', dead), 'connecting', 'a new channel is asked to connect')
    await settled('sc1', dead)
    assert.is(ctx.channels.readiness('sc1', dead), 'refused')
    const error = await describe(ctx.channels, 'sc1', dead).then(
      () => undefined,
      (e: unknown) => e as ServiceError,
    )
    assert.is(error?.code, status.UNAVAILABLE, 'a call would indeed have failed')
    const live = `127.0.0.1:${ctx.v4Port}`
    assert.is(ctx.channels.readiness('sc2', live), 'connecting')
    await settled('sc2', live)
    assert.is(ctx.channels.readiness('sc2', live), 'ready')
    assert.is(ctx.peers.length, 0, 'readiness makes no call')
    let called = false
    const stop = ctx.channels.whenSettled('sc3', live, () => (called = true))
    assert.ok(called, 'no channel to wait on: settled at once')
    stop()
    assert.is(ctx.channels.readiness('sc3', live), 'connecting')
    const cancelled = ctx.channels.whenSettled('sc3', live, () => (called = false))
    cancelled()
    await settled('sc3', live)
    assert.ok(called, 'a cancelled wait is never called')
  },
)

Channels(
  'AgentChannels - a refused channel is closed: no reconnects of its own, a TCP probe when asked, dialled again once listening',
  async (ctx) => {
    const address = await deadAddress()
    const port = Number(address.split(':')[1])
    const settled = (name: string): Promise<void> =>
      new Promise((resolve) => ctx.channels.whenSettled(name, address, resolve))
    for (const name of ['sc1', 'sc2']) {
      assert.is(ctx.channels.readiness(name, address), 'connecting')
      await settled(name)
      assert.is(ctx.channels.readiness(name, address), 'refused')
    }
    assert.is(ctx.channels.size, 0, 'both refused channels are closed')
    // A closed channel may still make the one attempt its backoff had scheduled (grpc-js), then
    // stops; nothing listens yet, so that one is refused.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    // The agent comes back, behind a proxy that counts the connections made to it.
    let accepted = 0
    const sockets = new Set<Socket>()
    const proxy = createServer((socket) => {
      accepted += 1
      const upstream = connect(ctx.v4Port, '127.0.0.1')
      for (const s of [socket, upstream]) {
        sockets.add(s)
        s.on('error', () => s.destroy())
      }
      socket.pipe(upstream).pipe(socket)
    })
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve))
    try {
      // grpc-js dials a channel in transient failure on its own at least every 2 s.
      await new Promise((resolve) => setTimeout(resolve, 2500))
      assert.is(accepted, 0, 'a parked subcloud is not dialled unless asked')
      assert.is(ctx.channels.readiness('sc1', address), 'connecting', 'asked: a probe goes out')
      assert.is(ctx.channels.readiness('sc1', address), 'connecting', 'one probe at a time')
      await settled('sc1')
      assert.is(accepted, 1, 'the probe is one TCP connection')
      assert.is(ctx.channels.readiness('sc1', address), 'connecting', 'listening: dialled afresh')
      await settled('sc1')
      assert.is(ctx.channels.readiness('sc1', address), 'ready')
      await describe(ctx.channels, 'sc2', address)
      assert.equal(
        ctx.peers.map((p) => p.method),
        ['Describe'],
        'a call to a parked subcloud dials it, without waiting for the audit',
      )
      assert.is(ctx.channels.size, 2)
    } finally {
      proxy.close()
      for (const s of sockets) s.destroy()
    }
  },
)

Channels('AgentChannels - a probe that finds nothing listening reports refused, once', async (ctx) => {
  const address = await deadAddress()
  const settled = (): Promise<void> =>
    new Promise((resolve) => ctx.channels.whenSettled('sc1', address, resolve))
  assert.is(ctx.channels.readiness('sc1', address), 'connecting')
  await settled()
  assert.is(ctx.channels.readiness('sc1', address), 'refused', 'the channel was refused')
  assert.is(ctx.channels.readiness('sc1', address), 'connecting', 'then a probe goes out')
  await settled()
  assert.is(ctx.channels.readiness('sc1', address), 'refused', 'the probe was refused')
  assert.is(ctx.channels.readiness('sc1', address), 'connecting', 'the answer is handed out once')
  let called = false
  const stop = ctx.channels.whenSettled('sc1', address, () => (called = true))
  ctx.channels.forget('sc1')
  await settled()
  await Promise.resolve()
  assert.ok(called, 'forgetting a subcloud ends the wait on its probe')
  stop()
})

Channels('AgentChannels - subclouds get separate channels', async (ctx) => {
  const a = ctx.channels.agent('sc1', `127.0.0.1:${ctx.v4Port}`)
  const b = ctx.channels.agent('sc2', `127.0.0.1:${ctx.v4Port}`)
  assert.is.not(a.getChannel(), b.getChannel())
  await describe(ctx.channels, 'sc1', `127.0.0.1:${ctx.v4Port}`)
  await describe(ctx.channels, 'sc2', `127.0.0.1:${ctx.v4Port}`)
  assert.is(new Set(ctx.peers.map((p) => p.peer)).size, 2)
})

Channels('AgentChannels - a new primary address replaces the channel; forget closes it', async (ctx) => {
  const old = ctx.channels.agent('sc1', `127.0.0.1:${ctx.v4Port}`).getChannel()
  const moved = ctx.channels.agent('sc1', `[::1]:${ctx.v6Port}`).getChannel()
  assert.is.not(moved, old)
  assert.is(old.getConnectivityState(false), connectivityState.SHUTDOWN)
  assert.is(ctx.channels.size, 1)
  ctx.channels.forget('sc1')
  assert.is(moved.getConnectivityState(false), connectivityState.SHUTDOWN)
  assert.is(ctx.channels.size, 0)
  await describe(ctx.channels, 'sc1', `[::1]:${ctx.v6Port}`)
  assert.is(ctx.channels.size, 1, 'dials afresh after forget')
})

Channels(
  'AgentChannels - a Watch stream runs over the pooled channel, heartbeats decoded by hand',
  async (ctx) => {
    const events: WatchEvent__Output[] = []
    const client = ctx.channels.agent('sc1', `[::1]:${ctx.v6Port}`)
    await new Promise<void>((resolve, reject) => {
      const call = client.Watch({ heartbeat_interval_ms: 200 })
      call.on('data', (e: WatchEvent__Output) => events.push(e))
      call.on('error', reject)
      call.on('end', resolve)
    })
    assert.equal(events[0], {
      heartbeat: { sequence: '1', generation: '4', sent_at_unix_ms: '1796676432355' },
      event: 'heartbeat',
    })
    assert.is(events[1]?.status?.config_hash, 'h4')
    const { Watch } = loadProtos().dc.agent.v1.Agent.service
    const ours = (client.constructor as unknown as { service: { Watch: typeof Watch } }).service
    assert.is.not(ours.Watch.responseDeserialize, Watch.responseDeserialize, 'not the loader path')
    assert.is(ours.Watch.path, Watch.path)
  },
)

Channels('AgentChannels - refuses hostnames and addresses without a port', (ctx) => {
  for (const bad of ['localhost:50051', 'agent.example:50051', '[::1]', '127.0.0.1', 'fd00::2:50051', '']) {
    assert.throws(() => ctx.channels.agent('sc1', bad), /./, bad)
  }
  assert.is(ctx.channels.size, 0)
})

Channels('AgentChannels - an unreachable agent fails fast with UNAVAILABLE', async (ctx) => {
  // Port 1 on loopback: nothing listens, the kernel refuses at once.
  try {
    await describe(ctx.channels, 'sc1', '127.0.0.1:1')
    assert.unreachable('no agent there')
  } catch (error) {
    assert.is((error as ServiceError).code, status.UNAVAILABLE)
  }
})

Channels(
  'AgentChannels - useCredentials moves new calls to new connections; a Watch in flight runs on',
  async (ctx) => {
    const { dc } = loadProtos()
    // An agent whose Watch streams a heartbeat every 20 ms until the caller cancels.
    const streaming = new Server()
    streaming.addService(dc.agent.v1.Agent.service, {
      Watch(call: ServerWritableStream<WatchRequest__Output, WatchEvent>) {
        let sequence = 0
        const timer = setInterval(() => call.write({ heartbeat: { sequence: ++sequence } }), 20)
        call.on('cancelled', () => clearInterval(timer))
      },
      Describe(call: { getPeer(): string }, callback: sendUnaryData<DescribeResponse>) {
        ctx.peers.push({ method: 'Describe', peer: call.getPeer() })
        callback(null, { bootstrapped: true })
      },
    })
    const port = await bindAsync(streaming, '127.0.0.1:0')
    const address = `127.0.0.1:${port}`
    try {
      const before = ctx.channels.agent('sc1', address)
      const watch = before.Watch({ heartbeat_interval_ms: 50 })
      let received = 0
      watch.on('data', () => (received += 1))
      const errors: unknown[] = []
      watch.on('error', (e: ServiceError) => {
        if (e.code !== status.CANCELLED) errors.push(e)
      })
      await describe(ctx.channels, 'sc1', address)

      ctx.channels.useCredentials(credentials.createInsecure())
      const after = ctx.channels.agent('sc1', address)
      assert.is.not(after.getChannel(), before.getChannel(), 'a new channel for calls from now on')
      await describe(ctx.channels, 'sc1', address)
      const [first, second] = ctx.peers.filter((p) => p.method === 'Describe').map((p) => p.peer)
      assert.is.not(second, first, 'the new call came over a new connection')

      const atSwitch = received
      await waitFor(() => received >= atSwitch + 5, {
        timeoutMs: 20_000,
        intervalMs: 50,
        message: `the Watch to keep streaming (${atSwitch} heartbeats at the switch)`,
      })
      assert.equal(errors, [])
      watch.cancel()
    } finally {
      streaming.forceShutdown()
    }
  },
)

const GrpcTarget = suite('grpcTarget')

GrpcTarget('grpcTarget - literal IPs use the DNS-free ipv4:/ipv6: schemes, canonical text', () => {
  assert.is(grpcTarget('10.20.2.2:50051'), 'ipv4:10.20.2.2:50051')
  assert.is(grpcTarget('[FD00:0:0::2]:50051'), 'ipv6:[fd00::2]:50051')
})

GrpcTarget('grpcTarget - refuses hostnames', () => {
  assert.throws(() => grpcTarget('controller-0:50051'))
})

Channels.run()
GrpcTarget.run()
