// Every session of an exercise, newest first, 20 at a time ("Load more"); each links to its
// workout. A server without paging (no X-Total-Count) sends them all, oldest first.
import { request } from "../../api.js";
import { dateTime, number } from "../../format.js";
import { html, useEffect, useRef, useState } from "../../vendor.js";
import { setText } from "../train/sets.js";

const PAGE = 20;

function useSessions(exerciseId, onFirst) {
  const [state, setState] = useState({ sessions: null, total: 0, error: null, busy: true });
  const latest = useRef(0);
  async function load(offset) {
    const ticket = ++latest.current;
    setState((old) => ({ ...old, busy: true }));
    try {
      const { data, total } = await request("GET",
        `/api/exercises/${exerciseId}/history?limit=${PAGE}&offset=${offset}`);
      if (ticket !== latest.current) return;
      if (offset === 0) onFirst && onFirst(data);
      const paged = total !== null;
      const page = paged ? data.sessions : [...data.sessions].reverse();
      setState((old) => ({
        sessions: offset === 0 ? page : [...old.sessions, ...page],
        total: paged ? total : page.length, error: null, busy: false,
      }));
    } catch (error) {
      if (ticket === latest.current) setState((old) => ({ ...old, error, busy: false }));
    }
  }
  useEffect(() => { load(0); }, [exerciseId]);
  return { ...state, loadMore: () => load(state.sessions.length) };
}

function Session({ session, unit }) {
  const working = session.sets.filter((s) => !s.is_warmup).length;
  return html`
    <li class="session-row">
      <div class="session-head">
        <a href=${`/train/${session.workout_id}`}>${dateTime(session.performed_at)}</a>
        <span class="session-numbers muted">
          ${working} ${working === 1 ? "set" : "sets"}
          ${session.estimated_1rm !== null && html` · e1RM ${number(session.estimated_1rm)} ${unit}`}
          ${session.volume ? html` · volume ${number(session.volume)} ${unit}` : ""}
        </span>
      </div>
      <ol class="set-chips" aria-label="Sets">
        ${session.sets.map((s) => html`<li key=${s.id}
          class=${`set-chip ${s.is_warmup ? "warmup" : ""} ${
            session.best_set && session.best_set.id === s.id ? "best" : ""}`}>
          ${s.is_warmup ? `Warm-up ${setText(s)}` : setText(s)}${session.best_set && session.best_set.id === s.id &&
            html`<span class="visually-hidden"> (best set)</span>`}</li>`)}
      </ol>
    </li>`;
}

// `onFirst(history)` with the first page's whole answer (its exercise and records).
export function History({ exerciseId, unit, onFirst }) {
  const { sessions, total, error, busy, loadMore } = useSessions(exerciseId, onFirst);
  return html`
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      ${error && html`<p class="form-error" role="alert">
        The history could not be loaded: ${error.message}</p>`}
      ${sessions === null && !error && html`<p class="loading" role="status">Loading…</p>`}
      ${sessions && sessions.length === 0 && html`<p class="empty">Not logged yet: add this
        exercise to a workout on <a href="/train">Train</a>.</p>`}
      ${sessions && sessions.length > 0 && html`
        <p class="muted" role="status">${sessions.length < total
          ? `Showing ${sessions.length} of ${total} sessions, newest first`
          : `${total} ${total === 1 ? "session" : "sessions"}, newest first`}</p>
        <ol class="session-list" aria-busy=${busy ? "true" : "false"}>
          ${sessions.map((s, n) => html`<${Session} key=${`${s.workout_id}-${n}`} session=${s}
            unit=${unit} />`)}
        </ol>
        ${sessions.length < total && html`<div class="load-more">
          <button type="button" onClick=${loadMore} disabled=${busy}>
            ${busy ? "Loading…" : `Load more (${total - sessions.length} left)`}</button></div>`}`}
    </section>`;
}
