// A controller started together with its NATS cluster: until the cluster has a JetStream leader,
// every JetStream request goes unanswered, and opening the bus waits for it instead of failing.
import { nkeys } from '@nats-io/transport-node'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createLogger } from '@dc/runtime'
import { OWNERSHIP_BUCKET, renderNatsServerConfig } from '@dc/system-controller'
import { connectNatsPeerBus } from '@dc/system-controller/internal'
import { startNatsCluster, waitFor } from '../support/index.js'

const TIMEOUT_MS = 60_000

test('a bus opened on a cluster without its majority waits for the JetStream leader, logging the wait', async () => {
  // One node of three up: it elects no meta leader, as in the first seconds of a cluster whose
  // nodes start with the controllers.
  const user = nkeys.createUser()
  const cluster = await startNatsCluster({
    deferred: 2,
    config: ({ listen, storeDir, cluster: routes }) =>
      renderNatsServerConfig({
        listen,
        jetstreamStoreDir: storeDir,
        sites: [{ siteId: 'site-a', nkey: user.getPublicKey() }],
        cluster: routes,
      }),
  })
  const waits: string[] = []
  const log = createLogger({
    name: 'test',
    level: 'warn',
    destination: { write: (line) => waits.push(line) },
  })
  const opening = connectNatsPeerBus({
    url: cluster.nodes[0]?.url ?? '',
    name: 'test site-a starting',
    credentials: user.getSeed(),
    kvBucket: OWNERSHIP_BUCKET,
    replicas: 3,
    requestTimeoutMs: 500,
    log,
  })
  // Handled here and awaited below: a failed open must not also be an unhandled rejection.
  opening.catch(() => undefined)
  try {
    await waitFor(() => waits.some((line) => line.includes('JetStream does not answer yet')), {
      timeoutMs: TIMEOUT_MS,
      message: 'the bus logs that it waits for JetStream',
    })
    await cluster.startDeferred()
    const bus = await opening
    assert.ok(
      (await bus.kvCreate('group-1', new Uint8Array([1]))) !== 'exists',
      'a write once JetStream answers',
    )
  } finally {
    await opening.then((bus) => bus.close()).catch(() => undefined)
    await cluster.stop()
  }
})

test.run()
