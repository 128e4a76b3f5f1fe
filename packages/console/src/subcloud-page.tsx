import { useEffect, useState } from 'preact/hooks'
import { modeLabel } from './labels.js'
import type { AlarmView, SiteView, SubcloudDetail } from './console-wire.js'
import type { ConsoleState } from './store.js'
import { Status } from './widgets.js'

function Alarms(props: { readonly alarms: readonly AlarmView[]; readonly caption: string }) {
  if (props.alarms.length === 0) return <p>{props.caption}: none.</p>
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Alarm</th>
          <th scope="col">Severity</th>
          <th scope="col">Entity</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {props.alarms.map((a) => (
          <tr key={`${a.alarmId}/${a.entity}`}>
            <td>{a.alarmId}</td>
            <td>
              <Status value={a.severity} />
            </td>
            <td>{a.entity}</td>
            <td>{a.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Site(props: { readonly site: SiteView }) {
  const { site } = props
  if (!site.reachable) return <p role="note">The agent was not asked: {site.reason}.</p>
  return (
    <>
      <h2>Networks</h2>
      <p data-kubernetes>
        Kubernetes dual-stack:{' '}
        <Status
          value={site.kubernetesDualStack ? 'on' : 'off'}
          label={site.kubernetesDualStack ? 'on' : 'off'}
        />
      </p>
      <table>
        <caption>Networks and their address pools (primary first)</caption>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Type</th>
            <th scope="col">Primary pool</th>
            <th scope="col">Secondary pool</th>
          </tr>
        </thead>
        <tbody>
          {site.networks.map((n) => {
            const [primary, secondary] = n.pools
            const pool = (p: typeof primary) =>
              p === undefined ? '—' : `${p.name} ${p.subnet} (${p.family})`
            return (
              <tr key={n.name} data-network={n.name}>
                <th scope="row">{n.name}</th>
                <td>{n.type}</td>
                <td>{pool(primary)}</td>
                <td>{pool(secondary)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <h2>Agent calls per local address</h2>
      <table>
        <caption>
          Calls the agent served on each of its listen addresses (the controller dials the primary only)
        </caption>
        <thead>
          <tr>
            <th scope="col">Local address</th>
            <th scope="col">Calls</th>
          </tr>
        </thead>
        <tbody>
          {site.addressCalls.map((c, i) => (
            <tr key={c.address} data-calls={c.address}>
              <th scope="row">
                {c.address} ({i === 0 ? 'primary' : 'secondary'})
              </th>
              <td>{c.calls}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Alarms alarms={site.alarms} caption="The subcloud's own alarms" />
    </>
  )
}

export function SubcloudPage(props: { readonly state: ConsoleState; readonly name: string }) {
  const row = props.state.subclouds.get(props.name)
  const [detail, setDetail] = useState<SubcloudDetail | { error: string } | undefined>(undefined)
  // Asked again whenever the subcloud's row changes on the event stream.
  useEffect(() => {
    let current = true
    fetch(`/api/subclouds/${encodeURIComponent(props.name)}`)
      .then(async (r) =>
        r.ok
          ? ((await r.json()) as SubcloudDetail)
          : { error: ((await r.json()) as { error: string }).error },
      )
      .then((d) => current && setDetail(d))
      .catch((err: unknown) => current && setDetail({ error: String(err) }))
    return () => void (current = false)
  }, [props.name, row])
  const shown = row ?? (detail !== undefined && 'row' in detail ? detail.row : undefined)
  return (
    <>
      <p>
        <a href="#/subclouds">← Subclouds</a>
      </p>
      <h1>Subcloud {props.name}</h1>
      {shown === undefined ? null : (
        <dl class="fields">
          <dt>Availability</dt>
          <dd data-field="availability">
            <Status value={shown.availability} />
          </dd>
          <dt>Management</dt>
          <dd>
            <Status value={shown.management} />
          </dd>
          <dt>Deploy status</dt>
          <dd data-field="deploy">
            <Status value={shown.deploy} />
          </dd>
          <dt>Sync</dt>
          <dd data-field="sync">
            <Status value={shown.sync} />
          </dd>
          <dt>Network mode</dt>
          <dd data-field="mode">{modeLabel(shown.networkMode)}</dd>
          <dt>Primary address</dt>
          <dd>
            {shown.address} ({shown.primaryFamily})
          </dd>
          <dt>Group</dt>
          <dd>{shown.group}</dd>
          <dt>Peer group</dt>
          <dd>{shown.peerGroup || 'none'}</dd>
          {detail !== undefined && 'row' in detail ? (
            <>
              <dt>Owner</dt>
              <dd>
                {detail.owner ?? 'this site (no peer group)'}
                {detail.rehomed ? ', rehomed here' : ''}
              </dd>
              <dt>Epoch</dt>
              <dd>{detail.epoch}</dd>
              <dt>Release</dt>
              <dd>{detail.softwareVersion}</dd>
              <dt>Errors</dt>
              <dd data-field="errors">{detail.errorDescription}</dd>
              <dt>Endpoints</dt>
              <dd>
                {detail.endpoints.map((e) => (
                  <span key={e.type}>
                    {e.type}: <Status value={e.sync} />{' '}
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
      )}
      {detail === undefined ? <p>Loading…</p> : null}
      {detail !== undefined && 'error' in detail ? <p role="alert">{detail.error}</p> : null}
      {detail !== undefined && 'row' in detail ? (
        <>
          <Alarms alarms={detail.alarms} caption="Alarms about this subcloud" />
          <Site site={detail.site} />
        </>
      ) : null}
    </>
  )
}
