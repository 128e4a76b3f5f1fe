import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InsecureBindingError, checkInsecureBinding, isLoopbackAddress } from '../src/index.js'

const IsLoopbackAddress = suite('isLoopbackAddress')

IsLoopbackAddress('isLoopbackAddress - accepts loopback in both families and every notation', () => {
  for (const address of [
    '127.0.0.1:50051',
    '127.8.9.10:1',
    '[::1]:50051',
    '[0:0:0:0:0:0:0:1]:50051',
    '::1',
    '[::ffff:127.0.0.1]:50051',
    'localhost:50051',
    'LOCALHOST',
    'unix:/run/dc/agent.sock',
  ]) {
    assert.ok(isLoopbackAddress(address), address)
  }
})

IsLoopbackAddress('isLoopbackAddress - refuses wildcards, other addresses and names', () => {
  for (const address of [
    '0.0.0.0:50051',
    '[::]:50051',
    '10.20.2.2:50051',
    '[fd00::2]:50051',
    'fd00::2',
    '[::ffff:10.0.0.1]:1',
    'controller.example:50051',
    '128.0.0.1:1',
  ]) {
    assert.not.ok(isLoopbackAddress(address), address)
  }
})

const CheckInsecureBinding = suite('checkInsecureBinding')

CheckInsecureBinding('checkInsecureBinding - lets loopback-only addresses through silently', () => {
  assert.is(checkInsecureBinding(['127.0.0.1:50051', '[::1]:50051'], { insecure: false }), undefined)
})

CheckInsecureBinding('checkInsecureBinding - refuses a non-loopback address, naming it', () => {
  try {
    checkInsecureBinding(['127.0.0.1:50051', '[fd00::2]:50051', '10.20.2.2:50051'], { insecure: false })
    assert.unreachable('should have thrown')
  } catch (error) {
    assert.instance(error, InsecureBindingError)
    assert.equal((error as InsecureBindingError).addresses, ['[fd00::2]:50051', '10.20.2.2:50051'])
    assert.match((error as Error).message, 'non-loopback addresses [fd00::2]:50051, 10.20.2.2:50051')
    assert.match((error as Error).message, '--insecure')
  }
})

CheckInsecureBinding('checkInsecureBinding - returns the start-up warning under --insecure', () => {
  const warning = checkInsecureBinding(['[::]:50051'], { insecure: true })
  assert.match(warning ?? '', /^WARNING: serving plaintext gRPC without TLS on \[::\]:50051 \(--insecure\)/)
})

CheckInsecureBinding('checkInsecureBinding - names the metrics endpoint in its refusal and warning', () => {
  assert.throws(
    () => checkInsecureBinding(['10.20.2.2:9100'], { insecure: false, service: 'metrics' }),
    /^refusing to serve plaintext metrics on non-loopback address 10\.20\.2\.2:9100: configure TLS/,
  )
  const warning = checkInsecureBinding(['10.20.2.2:9100'], { insecure: true, service: 'metrics' })
  assert.match(warning ?? '', /^WARNING: serving plaintext metrics without TLS .* can read the metrics/)
})

IsLoopbackAddress.run()
CheckInsecureBinding.run()
