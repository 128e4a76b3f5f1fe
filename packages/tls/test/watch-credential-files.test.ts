import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { watchCredentialFiles } from '../src/index.js'
import { tempDir } from './tls-fixtures.js'

const dir = await tempDir('dc-tls-watch-')
process.on('exit', () => rmSync(dir.path, { recursive: true, force: true }))
let counter = 0
/** A fresh directory with `names` written in it. */
function fresh(...names: string[]): string[] {
  const base = join(dir.path, `case-${++counter}`)
  mkdirSync(base)
  return names.map((name) => {
    const file = join(base, name)
    writeFileSync(file, `initial ${name}\n`)
    return file
  })
}

function replace(file: string, content: string): void {
  writeFileSync(`${file}.tmp`, content)
  renameSync(`${file}.tmp`, file)
}

/** Starts watching and resolves with the first change reported; rejects after a minute. */
function firstChange(files: string[], signal: AbortSignal, pollIntervalMs = 500): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('no change reported')), 60_000)
    watchCredentialFiles(
      files,
      (changed) => {
        clearTimeout(timeout)
        resolve(changed)
      },
      { signal, debounceMs: 50, pollIntervalMs },
    )
  })
}

const WatchCredentialFiles = suite('watchCredentialFiles')

WatchCredentialFiles('watchCredentialFiles - reports a file replaced by rename', async () => {
  const [ca = '', cert = ''] = fresh('ca.crt', 'tls.crt')
  const stop = new AbortController()
  const change = firstChange([ca, cert], stop.signal)
  replace(cert, 'rotated\n')
  assert.equal(await change, [cert])
  stop.abort()
})

WatchCredentialFiles(
  'watchCredentialFiles - counts content, not events: an identical rewrite is no change',
  async () => {
    const [ca = '', key = ''] = fresh('ca.crt', 'tls.key')
    const stop = new AbortController()
    const change = firstChange([ca, key], stop.signal)
    replace(ca, 'initial ca.crt\n')
    replace(key, 'new key\n')
    assert.equal(await change, [key])
    stop.abort()
  },
)

WatchCredentialFiles('watchCredentialFiles - polls where the directory cannot be watched yet', async () => {
  const missingDir = join(dir.path, `case-${++counter}`, 'not-yet')
  const file = join(missingDir, 'tls.crt')
  const stop = new AbortController()
  const change = firstChange([file], stop.signal, 100)
  mkdirSync(missingDir, { recursive: true })
  writeFileSync(file, 'appeared\n')
  assert.equal(await change, [file])
  stop.abort()
})

WatchCredentialFiles('watchCredentialFiles - reports nothing once aborted', async () => {
  const [cert = ''] = fresh('tls.crt')
  const stop = new AbortController()
  const changes: string[][] = []
  watchCredentialFiles([cert], (changed) => changes.push(changed), {
    signal: stop.signal,
    debounceMs: 10,
    pollIntervalMs: 20,
  })
  // A witness of the same file with slower timers (debounce 50 ms, poll 100 ms, against 10 and 20):
  // Node fires timers in order of expiry, so any report the aborted watcher could still make, at
  // most 30 ms after the change, comes before the witness's, at least 50 ms after it. That report,
  // not a sleep, ends the wait, and shows there was a change to see.
  const witness = new AbortController()
  const seen = firstChange([cert], witness.signal, 100)
  stop.abort()
  replace(cert, 'after abort\n')
  assert.equal(await seen, [cert])
  witness.abort()
  assert.equal(changes, [])
})

WatchCredentialFiles.run()
