// The one door to @peculiar/x509. Its dependency injection (tsyringe) needs the Reflect metadata
// API at import time, and ESM evaluates imports in order, so the polyfill import must stay first.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

// Node's own WebCrypto, set explicitly so signing never depends on which global a host provides.
x509.cryptoProvider.set(webcrypto)

export { x509 }
