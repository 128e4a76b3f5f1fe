import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadPackageDefinition } from '@grpc/grpc-js'
import { loadSync } from '@grpc/proto-loader'
import type { Options, PackageDefinition } from '@grpc/proto-loader'
import type { ProtoGrpcType as AgentProtoGrpcType } from '../gen/agent.js'
import type { ProtoGrpcType as GeoProtoGrpcType } from '../gen/geo.js'
import type { ProtoGrpcType as ManagerProtoGrpcType } from '../gen/manager.js'
import type { ProtoGrpcType as PlatformProtoGrpcType } from '../gen/platform.js'

/**
 * Every service and message of dc.platform.v1, dc.agent.v1 and dc.manager.v1, typed, and the
 * messages of dc.geo.v1 (the controllers' site-to-site format, no service).
 */
export type DcProtoGrpcType = PlatformProtoGrpcType &
  AgentProtoGrpcType &
  ManagerProtoGrpcType &
  GeoProtoGrpcType

/** Where the package's .proto files and shared JSON settings live, from `src/` (tsx) and `dist/src/` alike. */
export interface ProtoLocation {
  /** The include directory: proto files are named relative to it (`dc/platform/v1/platform.proto`). */
  readonly includeDir: string
  /** The proto files loadProtos() loads, relative to includeDir. */
  readonly files: readonly string[]
  /** The proto-loader options, the very ones `pnpm --filter @dc/protos run gen` passes to the generator. */
  readonly options: Options
}

// The nearest directory holding a package.json is the package root: dist/ has none of its own.
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`@dc/protos: no package.json above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
  return dir
}

// loader-options.json spells `longs: String` as the text "String" so the gen script can read it too.
const constructorsByName: Readonly<Record<string, unknown>> = { String, Number }

function readLoaderOptions(path: string): Options {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  const options: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    options[key] =
      (key === 'longs' || key === 'enums') && typeof value === 'string' ? constructorsByName[value] : value
  }
  return options as Options
}

let location: ProtoLocation | undefined
let definition: PackageDefinition | undefined
let grpcObject: DcProtoGrpcType | undefined

/** Locates the proto files and reads the shared loader options (cached). */
export function protoLocation(): ProtoLocation {
  if (location === undefined) {
    const root = packageRoot()
    location = {
      includeDir: root,
      files: JSON.parse(readFileSync(join(root, 'proto-files.json'), 'utf8')) as string[],
      options: readLoaderOptions(join(root, 'loader-options.json')),
    }
  }
  return location
}

/**
 * The proto-loader package definition of all four packages (cached). Servers hand it to
 * reflection; tests use its message definitions to serialize exactly as the wire does.
 */
export function loadProtoDefinition(): PackageDefinition {
  if (definition === undefined) {
    const { includeDir, files, options } = protoLocation()
    definition = loadSync([...files], { ...options, includeDirs: [includeDir] })
  }
  return definition
}

/**
 * The typed gRPC object (cached): `loadProtos().dc.platform.v1.Platform` is a client constructor
 * with `.service` for `server.addService`.
 *
 * @example
 * const { dc } = loadProtos()
 * const client = new dc.agent.v1.Agent('[fd00::2]:50051', credentials.createInsecure())
 */
export function loadProtos(): DcProtoGrpcType {
  grpcObject ??= loadPackageDefinition(loadProtoDefinition()) as unknown as DcProtoGrpcType
  return grpcObject
}
