import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  InsecureBindingError,
  SERVER_TLS_FLAGS,
  TlsConfigError,
  TlsFlagsError,
  describeTlsReload,
  serverTransport,
} from '../src/index.js'

const ServerTransport = suite('serverTransport')

const files = { 'tls-ca': 'ca.crt', 'tls-cert': 'agent.crt', 'tls-key': 'agent.key' }

ServerTransport('serverTransport - all three files give mutual TLS on any address', () => {
  assert.equal(serverTransport(files, ['192.0.2.10:50051', '[fd00::2]:50051']), {
    kind: 'tls',
    files: { caFile: 'ca.crt', certFile: 'agent.crt', keyFile: 'agent.key' },
  })
})

ServerTransport('serverTransport - plaintext on loopback needs nothing and warns of nothing', () => {
  assert.equal(serverTransport({}, ['127.0.0.1:50050', '[::1]:50050']), {
    kind: 'plaintext',
    warning: undefined,
  })
})

ServerTransport('serverTransport - plaintext on a network address is refused without --insecure', () => {
  assert.throws(
    () => serverTransport({}, ['127.0.0.1:1', '192.0.2.10:50051']),
    (err: unknown) =>
      err instanceof InsecureBindingError &&
      /192\.0\.2\.10:50051/.test(err.message) &&
      /--insecure/.test(err.message),
  )
})

ServerTransport('serverTransport - --insecure allows it and returns the warning to log', () => {
  const transport = serverTransport({ insecure: true }, ['192.0.2.10:50051'])
  assert.is(transport.kind, 'plaintext')
  assert.match(
    transport.kind === 'plaintext' ? (transport.warning ?? '') : '',
    /^WARNING: .*192\.0\.2\.10:50051/,
  )
})

ServerTransport('serverTransport - refuses an incomplete set of files, naming what is missing', () => {
  assert.throws(
    () => serverTransport({ 'tls-ca': 'ca.crt', 'tls-cert': 'a.crt' }, ['127.0.0.1:1']),
    (err: unknown) => err instanceof TlsFlagsError && err.message.endsWith('missing --tls-key'),
  )
  assert.throws(
    () => serverTransport({ 'tls-key': 'a.key' }, ['127.0.0.1:1']),
    (err: unknown) => err instanceof TlsFlagsError && err.message.endsWith('missing --tls-ca, --tls-cert'),
  )
})

ServerTransport('serverTransport - refuses TLS files together with --insecure', () => {
  assert.throws(
    () => serverTransport({ ...files, insecure: true }, ['127.0.0.1:1']),
    (err: unknown) => err instanceof TlsFlagsError && /--insecure contradicts/.test(err.message),
  )
})

ServerTransport('serverTransport - SERVER_TLS_FLAGS declares the flags parseArgs needs', () => {
  assert.equal(Object.keys(SERVER_TLS_FLAGS).sort(), ['insecure', 'tls-ca', 'tls-cert', 'tls-key'])
  assert.is(SERVER_TLS_FLAGS.insecure.type, 'boolean')
})

const DescribeTlsReload = suite('describeTlsReload')

DescribeTlsReload('describeTlsReload - names the serial in force, or why the files were refused', () => {
  assert.is(
    describeTlsReload({ type: 'reloaded', serialNumber: '0A1B', notAfter: new Date('2030-01-01T00:00:00Z') }),
    'TLS files reloaded: certificate serial 0A1B in force, valid until 2030-01-01T00:00:00.000Z',
  )
  const error = new TlsConfigError('private key k does not belong to certificate c', 'k')
  assert.match(
    describeTlsReload({ type: 'reload-failed', error }),
    /^TLS files not reloaded, the previous ones stay in force: private key k/,
  )
})

ServerTransport.run()
DescribeTlsReload.run()
