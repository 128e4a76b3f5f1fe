import type { WatchEvent__Output } from '../gen/dc/agent/v1/WatchEvent.js'
import type { GeoEvent__Output } from '../gen/dc/geo/v1/GeoEvent.js'
import type { Command__Output } from '../gen/dc/platform/v1/Command.js'
import type { Effect__Output } from '../gen/dc/platform/v1/Effect.js'

// The generator types each oneof's virtual discriminator field as a union of case names; naming
// those unions lets consumers switch exhaustively (`satisfies never`) over them.

/** Case names of `dc.platform.v1.Command.command`: netmodel command kinds with `_` for `-`. */
export type CommandCase = NonNullable<Command__Output['command']>

/** Case names of `dc.platform.v1.Effect.effect`: netmodel effect types with `_` for `-`. */
export type EffectCase = NonNullable<Effect__Output['effect']>

/** Case names of `dc.agent.v1.WatchEvent.event`. */
export type WatchEventCase = NonNullable<WatchEvent__Output['event']>

/** Case names of `dc.geo.v1.GeoEvent.kind`: the controller's event types with `_` for `-`. */
export type GeoEventCase = NonNullable<GeoEvent__Output['kind']>
