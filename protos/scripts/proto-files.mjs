// The one list of proto files and loader options shared by the gen scripts; src/proto-root.ts
// reads the same two files at runtime, so generated types and loaded definitions cannot disagree.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const protosDir = resolve(import.meta.dirname, '..')
export const protoFiles = JSON.parse(readFileSync(join(protosDir, 'proto-files.json'), 'utf8'))
export const loaderOptions = JSON.parse(readFileSync(join(protosDir, 'loader-options.json'), 'utf8'))
