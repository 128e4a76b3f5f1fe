import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { FlagValueError, listenAddress, listenAddressFlag, listenFlag } from '../src/index.js'

const ListenFlag = suite('listenFlag')

/** The message of the FlagValueError `listenFlag(flag, text)` throws. */
function refusal(flag: string, text: string): string {
  try {
    listenFlag(flag, text)
  } catch (err) {
    assert.instance(err, FlagValueError)
    assert.is((err as FlagValueError).flag, flag)
    return (err as Error).message
  }
  throw new Error(`expected ${flag} '${text}' to be refused`)
}

ListenFlag('listenFlag - reads both families in order, canonical and with IPv6 bracketed', () => {
  assert.equal(listenFlag('--listen', '[FD00:0::2]:50051, 127.0.0.1:50052'), [
    { host: 'fd00::2', port: 50051, text: '[fd00::2]:50051' },
    { host: '127.0.0.1', port: 50052, text: '127.0.0.1:50052' },
  ])
})

ListenFlag('listenFlag - refuses an empty list and an empty item', () => {
  assert.is(refusal('--listen', ' , '), '--listen needs at least one ADDR:PORT')
  assert.is(refusal('--listen', ''), '--listen needs at least one ADDR:PORT')
  assert.is(refusal('--listen', '127.0.0.1:1,'), "--listen has an empty address in '127.0.0.1:1,'")
})

ListenFlag('listenFlag - refuses an IPv6 address without brackets, naming the form to use', () => {
  assert.match(
    refusal('--control', 'fd00::2:50051'),
    /^--control 'fd00::2:50051': an IPv6 address must be bracketed/,
  )
})

ListenFlag('listenFlag - refuses host names, missing and out-of-range ports', () => {
  for (const bad of ['localhost:1', '127.0.0.1', '[::1]', '127.0.0.1:0', '127.0.0.1:70000', '[::1:1']) {
    assert.match(refusal('--listen', bad), `--listen '${bad}' is not ADDR:PORT or [IPv6]:PORT: `, bad)
  }
})

ListenFlag('listenFlag - refuses the same address twice, however it is spelled', () => {
  assert.is(refusal('--listen', '[::1]:1,[0::1]:1'), "--listen '[0::1]:1' is given twice")
  assert.is(refusal('--listen', '10.0.0.1:5,10.0.0.1:5'), "--listen '10.0.0.1:5' is given twice")
  assert.is(listenFlag('--listen', '[::1]:1,[::1]:2').length, 2)
})

ListenFlag('listenAddress - builds the text gRPC binds', () => {
  assert.equal(listenAddress('::1', 7), { host: '::1', port: 7, text: '[::1]:7' })
  assert.equal(listenAddress('10.0.0.1', 7), { host: '10.0.0.1', port: 7, text: '10.0.0.1:7' })
})

ListenFlag('listenAddressFlag - one address, by the same rules', () => {
  assert.equal(listenAddressFlag('--control', '[::1]:7000'), { host: '::1', port: 7000, text: '[::1]:7000' })
  assert.throws(
    () => listenAddressFlag('--control', '[::1]:1,[::1]:2'),
    (err: unknown) =>
      err instanceof FlagValueError &&
      err.message === '--control takes one ADDR:PORT' &&
      err.problem === 'takes one ADDR:PORT',
  )
  assert.throws(
    () => listenAddressFlag('--control', 'fd00::2:1'),
    /^--control 'fd00::2:1': an IPv6 address must be bracketed/,
  )
})

ListenFlag.run()
