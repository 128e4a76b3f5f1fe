import { NETWORK_MODE_LABELS, modeLabel } from './labels.js'
import type { StrategyHeader } from './console-wire.js'
import type { ConsoleState } from './store.js'
import { CountList, Progress, Status } from './widgets.js'

const FINISHED = ['complete', 'failed', 'aborted']

/** The strategy's progress in words, as `network-strategy show --wait` prints it. */
export function progressOf(strategy: StrategyHeader): { done: number; total: number; text: string } {
  const running = strategy.total - (strategy.counts.skipped ?? 0) - (strategy.counts.refused ?? 0)
  const done = FINISHED.reduce((sum, s) => sum + (strategy.counts[s] ?? 0), 0)
  const complete = strategy.counts.complete ?? 0
  const failed = strategy.counts.failed ?? 0
  return {
    done,
    total: running,
    text: `${complete}/${running} complete, ${failed} failed, ${running - done} to go; strategy ${strategy.state}`,
  }
}

export function StrategyCard(props: { readonly strategy: StrategyHeader | null }) {
  const { strategy } = props
  return (
    <section class="card wide" aria-labelledby="fleet-strategy">
      <h2 id="fleet-strategy">Network strategy</h2>
      {strategy === null ? (
        <p>No strategy.</p>
      ) : (
        <>
          <p>
            {strategy.planKind === 'add' ? 'Adding the secondary family' : 'Removing the secondary family'} on{' '}
            {strategy.target}: <Status value={strategy.state} />
          </p>
          <Progress {...progressOf(strategy)} />
          <p>
            <a href="#/strategy">Steps</a>
          </p>
        </>
      )}
    </section>
  )
}

export function FleetPage(props: { readonly state: ConsoleState }) {
  const { summary, strategy } = props.state
  if (summary === undefined) return <p>Loading…</p>
  return (
    <>
      <h1>Fleet</h1>
      <p data-total>
        {summary.total} subclouds. <a href="#/subclouds">All subclouds</a>
      </p>
      <div class="cards">
        <CountList title="Availability" counts={summary.availability} order={['online', 'offline']} />
        <CountList title="Sync status" counts={summary.sync} order={['in-sync', 'out-of-sync', 'unknown']} />
        <CountList title="Management" counts={summary.management} order={['managed', 'unmanaged']} />
        <CountList title="Deploy status" counts={summary.deploy} />
        <CountList
          title="Network mode"
          counts={summary.networkMode}
          label={modeLabel}
          order={Object.keys(NETWORK_MODE_LABELS)}
        />
        <CountList
          title="Active alarms by severity"
          counts={summary.alarms}
          order={['critical', 'major', 'minor', 'warning']}
        />
        <StrategyCard strategy={strategy} />
      </div>
    </>
  )
}
