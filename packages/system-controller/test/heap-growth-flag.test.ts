import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../src/heap-growth-flag.js'

const HeapGrowthFlag = suite('heapGrowthFlag')
const BOUND = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`

HeapGrowthFlag('bounds the heap growth when node was started without a bound of its own', () => {
  assert.is(heapGrowthFlag([]), BOUND)
  assert.is(heapGrowthFlag(['--enable-source-maps', '--max-old-space-size=4096']), BOUND)
})

HeapGrowthFlag("leaves an operator's own bound alone, in either spelling", () => {
  for (const given of [
    ['--heap-growing-percent=80'],
    ['--heap_growing_percent=10'],
    ['--heap-growing-percent', '20'],
  ]) {
    assert.is(heapGrowthFlag(given), undefined, given.join(' '))
  }
})

HeapGrowthFlag('a flag that only starts alike is not a bound', () => {
  assert.is(heapGrowthFlag(['--heap-growing-percentage=5']), BOUND)
})

HeapGrowthFlag.run()
