// The web console: a hash-routed Preact app over the controller's read-only event stream.
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { FleetPage } from './fleet-page.js'
import { GeoPage } from './geo-page.js'
import { connect, useConsole } from './store.js'
import { StrategyPage } from './strategy-page.js'
import { SubcloudPage } from './subcloud-page.js'
import { SubcloudsPage } from './subclouds-page.js'

const PAGES = [
  { path: '#/', label: 'Fleet' },
  { path: '#/subclouds', label: 'Subclouds' },
  { path: '#/strategy', label: 'Strategy' },
  { path: '#/geo', label: 'Geo' },
] as const

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/')
  useEffect(() => {
    const onChange = (): void => setHash(location.hash || '#/')
    addEventListener('hashchange', onChange)
    return () => removeEventListener('hashchange', onChange)
  }, [])
  return hash
}

function App() {
  const state = useConsole()
  const hash = useHash()
  const subcloud = /^#\/subclouds\/(.+)$/.exec(hash)
  const section = subcloud === null ? hash : '#/subclouds'
  let page
  if (subcloud?.[1] !== undefined)
    page = <SubcloudPage state={state} name={decodeURIComponent(subcloud[1])} />
  else if (hash === '#/subclouds') page = <SubcloudsPage state={state} />
  else if (hash === '#/strategy') page = <StrategyPage state={state} />
  else if (hash === '#/geo') page = <GeoPage state={state} />
  else page = <FleetPage state={state} />
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <header>
        <span class="brand">Distributed Cloud</span>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p.path} href={p.path} aria-current={section === p.path ? 'page' : undefined}>
              {p.label}
            </a>
          ))}
        </nav>
        <span class="who" data-viewer>
          {state.viewer === '' ? '' : `${state.viewer}, read-only`}
        </span>
        <span class={`live live-${state.connection}`} role="status" data-connection={state.connection}>
          {state.connection === 'live'
            ? 'live'
            : state.connection === 'connecting'
              ? 'connecting…'
              : 'reconnecting…'}
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  )
}

connect()
const root = document.getElementById('app')
if (root !== null) render(<App />, root)
