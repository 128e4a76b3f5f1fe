#!/usr/bin/env node
import { runPki } from './pki/run-pki.js'

const interrupt = new AbortController()
process.once('SIGINT', () => interrupt.abort())
process.exitCode = await runPki(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  signal: interrupt.signal,
})
