/*
 * Copyright (c) 2026 Tuya Intercom binding contributors
 * SPDX-License-Identifier: EPL-2.0
 *
 * The call page's behaviour. Everything the page knows is one object (`page`); it changes only in `dispatch`, from
 * the binding's events (Server-Sent Events read with fetch), the buttons and the page's own media; the phase
 * (idle, ringing, calling, connecting, in-call, elsewhere, live-view, ended, missed, error, invalid) follows from it in
 * `phaseOf`, and `render` alone decides what is shown. Texts and the panel's data come from the page's JSON data block.
 */
(() => {
  'use strict';

  // ---------------------------------------------------------------- the page's data (texts, panel), set by the binding
  const $ = id => document.getElementById(id);
  const DATA = (() => { try { return JSON.parse($('page-data').textContent) || {}; } catch (e) { return {}; } })();
  const T = DATA.texts || {};
  const LANG = DATA.lang || 'en';
  /** The timeout of a call this page starts: the panel's ring timeout. */
  const RING_TIMEOUT = Number(DATA.ringTimeout) > 0 ? Number(DATA.ringTimeout) : 30;
  document.documentElement.lang = LANG;

  // ---------------------------------------------------------------- requests to the binding
  const params = new URLSearchParams(location.search);
  const credential = params.get('k') ? 'k=' + encodeURIComponent(params.get('k'))
    : 't=' + encodeURIComponent(params.get('t') || '');
  const apiBase = location.pathname.replace('/call/', '/api/') + '/';
  const client = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');

  function url(op, extra) { return apiBase + op + '?' + credential + (extra || ''); }
  function fill(text, values) { return String(text || '').replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m)); }
  function clock(ms) { return new Date(ms).toLocaleTimeString(LANG, { hour: '2-digit', minute: '2-digit' }); }
  function refused(message, status) { const e = new Error(message); e.status = status; return e; }

  async function post(op, body) {
    const res = await fetch(url(op), { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                       body: JSON.stringify(Object.assign({ client }, body || {})) });
    const json = await res.json().catch(() => ({}));
    if (res.status === 401 && !page.callToken) dispatch({ type: 'link-invalid' });
    if (!res.ok) {
      console.warn('request refused', op, res.status, json.error || '');
      throw refused(json.error || String(res.status), res.status);
    }
    return json;
  }

  // ---------------------------------------------------------------- the page's state: one object, changed in dispatch
  const page = {
    phase: 'idle',
    /** The binding's last state event (its JSON as sent: state, callId, direction, outcome, endError, …). */
    server: { state: 'IDLE', outcome: '' },
    /** Answer was pressed here (the call token follows). */
    answering: false,
    /** The token of the call this page answered or started. */
    callToken: null,
    /** A live view was asked for. */
    viewing: false,
    /** Why the last action failed, shown until the next one. */
    message: '',
    /** The call whose end is not shown any more (a new action was taken after it). */
    dismissed: -1,
    /** The call's media is being started a second time (the binding saw it not connect). */
    repairing: false,
    /** Opened with #answer (the card's Answer): answers the call that rings when the page opens. */
    autoAnswer: location.hash === '#answer',
    /** The ringing call a preview was tried for. */
    previewTried: '',
    linkInvalid: false,
    /** The page's one media session (see newMedia), null without. */
    media: null,
    notice: '',
    /** A live view of this page was closed for the call (the panel serves few sessions): said until the call ends. */
    viewEndedForCall: false,
    door: '',
    doorText: ''
  };
  const ACTIVE = ['CONNECTING', 'IN_CALL'];
  const mine = () => page.answering || !!page.callToken;
  const inCall = () => ACTIVE.includes(page.server.state);

  /** The phase the page is in: decided from the state object only. */
  function phaseOf(p) {
    const s = p.server.state;
    if (p.linkInvalid) return 'invalid';
    if (s === 'RINGING') return 'ringing';
    if (s === 'CALLING') return 'calling';
    if (s === 'CONNECTING') return mine() ? 'connecting' : 'elsewhere';
    if (s === 'IN_CALL') return mine() ? 'in-call' : 'elsewhere';
    if (p.message) return 'error';
    if (p.viewing) return 'live-view';
    if (p.server.outcome && p.server.outcome !== 'CONNECTED' && p.dismissed !== p.server.callId) {
      return p.server.outcome === 'MISSED' && p.server.direction !== 'OUTGOING' ? 'missed' : 'ended';
    }
    return 'idle';
  }

  /** The one place where the page's state changes; the phase follows, with its entry and exit actions. */
  function dispatch(event) {
    if (page.linkInvalid) return; // the end: nothing changes any more
    const before = page.phase;
    switch (event.type) {
      case 'state': serverState(event.state); break;
      case 'link-invalid':
        page.linkInvalid = true;
        page.answering = false; page.callToken = null;
        stopMedia(false);
        break;
      case 'answer-pressed': page.answering = true; break;
      case 'answered': page.callToken = event.callToken; break;
      case 'call-pressed': page.message = ''; page.dismissed = page.server.callId; break;
      case 'call-started': page.callToken = event.callToken; break;
      case 'view-pressed': page.viewing = true; page.message = ''; page.dismissed = page.server.callId; break;
      case 'failed':
        page.message = event.error === 'ANSWERED_BY_OTHERS' ? T.elsewhere
          : event.error === 'media-session-limit' ? T.sessionLimit : fill(T.failed, { reason: event.error });
        page.answering = false;
        stopMedia(false);
        break;
      case 'media-stop':
        if (!event.media || page.media === event.media) {
          if (event.reason === 'media-session-limit') page.viewEndedForCall = true;
          stopMedia(event.tell);
        }
        break;
      case 'repairing': page.repairing = true; break;
      case 'media-connected': if (page.media === event.media) page.repairing = false; break;
      case 'notice': page.notice = event.text; break;
      case 'door': page.door = event.door; page.doorText = event.text; break;
      case 'media': break; // the media changed: only shown again
      default: console.warn('unknown event', event.type);
    }
    page.phase = phaseOf(page);
    if (page.phase !== before) phaseChanged(before, page.phase);
    render();
  }

  function serverState(next) {
    const before = page.server.state;
    page.server = next;
    page.notice = '';
    if (next.state === 'IDLE') page.viewEndedForCall = false;
    const m = page.media;
    if (m && m.kind === 'preview' && !page.answering && (next.state !== 'RINGING' || next.callId !== page.previewTried)) {
      stopMedia(false);
    }
    if (next.state === 'IDLE' && before !== 'IDLE') {
      if (mine()) stopMedia(false);
      page.answering = false; page.callToken = null; page.repairing = false;
    } else if (next.state !== 'IDLE') {
      page.message = '';
      // a call this page started: its media once the panel answered
      if (ACTIVE.includes(next.state) && next.direction === 'OUTGOING' && page.callToken && !page.media) {
        later(() => startCallMedia());
      }
    }
    if (next.state === 'RINGING' && next.direction === 'INCOMING' && next.preview && !page.media && !page.answering
        && page.previewTried !== next.callId && !page.autoAnswer) {
      page.previewTried = next.callId;
      // no preview (switched off, too many views, the panel does not stream while ringing): the snapshot stays
      const callId = next.callId;
      Promise.resolve().then(() => startMedia('preview', callId))
        .catch(() => { if (page.media && page.media.kind === 'preview' && !page.answering) dispatch({ type: 'media-stop' }); });
    }
    // #answer (the card's Answer) answers the call that rings when the page opens, never a later one
    if (page.autoAnswer) {
      page.autoAnswer = false;
      history.replaceState(null, '', location.pathname + location.search);
      if (next.state === 'RINGING') Promise.resolve().then(answer);
    }
  }

  /** What happens when the page enters or leaves a phase. */
  function phaseChanged(from, to) {
    if (from === 'ringing') ringtone.stop();
    if (to === 'ringing') ringtone.start();
  }

  /** An action that may fail: its failure is shown. */
  function later(action) { Promise.resolve().then(action).catch(e => dispatch({ type: 'failed', error: e.message })); }

  // ---------------------------------------------------------------- ringtone (WebAudio) and vibration
  const ringtone = {
    ctx: null, timer: null, state: 'off',
    start() {
      if (this.timer) return;
      try { this.ctx = this.ctx || new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { this.ctx = null; }
      const ring = () => {
        if (navigator.vibrate) { try { navigator.vibrate([400, 200, 400]); } catch (e) { /* not allowed */ } }
        if (!this.ctx) return;
        if (this.ctx.state !== 'running') { this.ctx.resume().catch(() => {}); }
        this.setState(this.ctx.state === 'running' ? 'on' : 'blocked');
        if (this.ctx.state !== 'running') return;
        const t0 = this.ctx.currentTime + 0.02;
        [[880, 0], [660, 0.45], [880, 1.0], [660, 1.45]].forEach(([freq, at]) => {
          const osc = this.ctx.createOscillator(), gain = this.ctx.createGain();
          osc.type = 'sine'; osc.frequency.value = freq;
          gain.gain.setValueAtTime(0, t0 + at);
          gain.gain.linearRampToValueAtTime(0.25, t0 + at + 0.03);
          gain.gain.setValueAtTime(0.25, t0 + at + 0.35);
          gain.gain.linearRampToValueAtTime(0, t0 + at + 0.4);
          osc.connect(gain).connect(this.ctx.destination);
          osc.start(t0 + at); osc.stop(t0 + at + 0.42);
        });
      };
      ring();
      this.timer = setInterval(ring, 3500);
      if (this.ctx && this.ctx.state !== 'running') {
        this.ctx.resume().then(() => this.setState('on'), () => {});
        setTimeout(() => { if (this.timer && this.ctx && this.ctx.state !== 'running') this.setState('blocked'); }, 300);
      }
    },
    stop() {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      if (navigator.vibrate) { try { navigator.vibrate(0); } catch (e) { /* ignore */ } }
      this.setState('off');
    },
    unlock() { if (this.ctx) this.ctx.resume().then(() => this.setState(this.timer ? 'on' : 'off'), () => {}); },
    setState(s) { if (this.state !== s) { this.state = s; render(); } }
  };

  // ---------------------------------------------------------------- what is shown: decided here only
  /** The words for a call's end; outcome and end error are Java enum names, matched exactly. */
  function endingText(st) {
    const outgoing = st.direction === 'OUTGOING';
    switch (st.outcome) {
      case 'ANSWERED_ELSEWHERE': return T.elsewhere;
      case 'REJECTED_ELSEWHERE': return T.rejectedElsewhere;
      case 'MISSED': return outgoing ? T.endedNotAnswered : (st.started ? fill(T.missedAt, { time: clock(st.started) }) : T.missed);
      case 'REJECTED': return T.endedRejected;
      case 'CANCELLED': return outgoing ? T.endedHungUp : T.endedCancelled;
      case 'BUSY': return T.endedBusy;
      case 'HUNG_UP': return st.endError === 'PEER_HANG_UP' ? T.endedPeerHungUp : T.endedHungUp;
      case 'FAILED':
        switch (st.endError) {
          case 'CONNECT_FAIL': return T.endedMedia;
          case 'TIMEOUT': return st.connected === false ? T.endedTimeout : T.endedConnection;
          case 'DISCONNECT': case 'NETWORK_CHANGED': return T.endedConnection;
          default: return T.endedFailed;
        }
      default: return '';
    }
  }

  function snapshotOfThisCall(st) {
    return st.snapshot > 0 && (!st.started || st.snapshot >= st.started - 10000);
  }

  let shownSnapshot = 0;
  function render() {
    const v = page.phase, st = page.server, s = st.state, m = page.media;
    $('app').dataset.view = v;
    $('app').dataset.ringtone = ringtone.state;
    $('sound').hidden = ringtone.state !== 'blocked';
    const name = st.panel || DATA.panel;
    if (name) { $('title').textContent = name; document.title = name + ' · ' + T.title; }
    let status = T.idle, detail = '';
    switch (v) {
      case 'ringing':
        status = T.ringing;
        if (m && m.kind === 'preview' && m.playing) detail = T.previewMuted;
        // multi-station panels: which outdoor station rings
        if (st.station) detail = fill(T.station, { station: st.station }) + (detail ? ' · ' + detail : '');
        break;
      case 'calling': status = T.calling; break;
      case 'connecting': status = T.connecting; if (page.repairing) detail = T.repairing; break;
      case 'in-call': status = T.inCall; break;
      case 'elsewhere': status = T.elsewhere; break;
      case 'error': status = page.message; break;
      case 'live-view': status = T.viewing; break;
      case 'missed': case 'ended':
        status = endingText(st) || T.endedHungUp;
        if (v === 'ended' && st.started) detail = fill(T.endedAt, { time: clock(st.started) });
        break;
      case 'idle': detail = T.idleHint; break;
    }
    $('status').textContent = status;
    $('detail').textContent = detail;
    if ((v === 'ended' || v === 'missed') && st.endReason) {
      const code = document.createElement('span');
      code.className = 'code'; code.id = 'code';
      code.textContent = (detail ? ' · ' : '') + st.endReason;
      $('detail').appendChild(code);
    }
    const invalid = v === 'invalid';
    $('invalid').hidden = !invalid;
    $('invalid-title').textContent = invalid ? T['invalid.title'] : '';
    $('invalid-text').textContent = invalid ? T['invalid.text'] : '';
    for (const id of ['stage', 'controls']) $(id).hidden = invalid;
    $('title').parentElement.hidden = invalid;
    // the picture: live media, else the snapshot of this call while it rings or when it was missed, else the badge
    const previewing = !!m && m.kind === 'preview';
    const hasMedia = !!m && (!previewing || m.playing);
    $('app').dataset.preview = previewing ? (m.playing ? 'playing' : 'starting') : '';
    const showSnapshot = !hasMedia && (v === 'ringing' || v === 'missed' || v === 'elsewhere') && snapshotOfThisCall(st);
    if (showSnapshot && shownSnapshot !== st.snapshot) {
      shownSnapshot = st.snapshot;
      $('snapshot').src = url('snapshot', '&v=' + st.snapshot);
    }
    $('snapshot').alt = T.snapshot;
    $('snaptime').textContent = st.snapshot ? fill(T.visitorAt, { time: clock(st.snapshot) }) : '';
    $('videos').hidden = !hasMedia;
    $('snapbox').hidden = !showSnapshot;
    $('badge').hidden = hasMedia || showSnapshot;
    $('remote').muted = previewing;
    $('local').hidden = !(m && m.local);
    const webUnlock = st.webUnlock || DATA.webUnlock;
    $('answer').hidden = s !== 'RINGING' || invalid;
    $('reject').hidden = s !== 'RINGING' || invalid;
    $('hangup').hidden = !(inCall() && mine()) && !(s === 'CALLING' && page.callToken);
    const track = m && m.local && m.local.getAudioTracks()[0];
    $('mute').hidden = !track;
    $('mute').textContent = track && !track.enabled ? T.unmute : T.mute;
    $('unlock').hidden = webUnlock === 'never'
      || (webUnlock !== 'always' && !(inCall() && mine() && st.direction === 'INCOMING'));
    $('call').hidden = s !== 'IDLE' || page.viewing;
    $('view').hidden = s !== 'IDLE' && !page.viewing;
    $('view').textContent = page.viewing ? T.stopView : T.view;
    const notice = page.notice || (page.viewEndedForCall ? T.sessionLimitClosed : '')
      || (st.video === 'h265-only' ? T.h265 : '');
    $('notice').textContent = notice;
    $('notice').hidden = !notice;
    $('door').className = 'banner ' + page.door;
    $('door').dataset.door = page.door;
    $('door').textContent = page.doorText;
    $('door').hidden = !page.doorText;
  }

  // ---------------------------------------------------------------- the page's media (one session at a time)
  /** A media session: a call's media, a preview of the ringing call, or a live view. */
  function newMedia(kind, grant) {
    return { kind, id: grant.media, conn: null, local: null, offerSent: false, pendingCandidates: [],
             remoteCandidates: [], seenCandidates: new Set(), keepAlive: null, playing: false, answerTaken: false };
  }
  const alive = m => page.media === m;

  function stopMedia(tellServer) {
    const m = page.media;
    page.media = null;
    page.viewing = false;
    if (!m) return;
    if (tellServer) post('media', { media: m.id, event: 'closed' }).catch(() => {});
    if (m.keepAlive) clearInterval(m.keepAlive);
    if (m.conn) {
      m.conn.onicecandidate = null; m.conn.onconnectionstatechange = null; m.conn.ontrack = null;
      m.conn.close();
    }
    if (m.local) m.local.getTracks().forEach(t => t.stop());
    $('local').srcObject = null;
  }

  async function openLocalMedia() {
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      dispatch({ type: 'notice', text: T.insecure });
      return null;
    }
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
    } catch (e) {
      try { return await navigator.mediaDevices.getUserMedia({ audio: true }); }
      catch (e2) { dispatch({ type: 'notice', text: T.noDevices }); return null; }
    }
  }

  /** kind: 'call' (the answered or started call's media), 'preview' (of the ringing call previewOf), 'view'. */
  async function startMedia(kind, previewOf) {
    const grant = await post('media-start', kind === 'preview' ? { preview: true, callId: previewOf }
      : { forCall: kind === 'call', callToken: page.callToken });
    if (kind === 'preview' && (page.server.state !== 'RINGING' || page.server.callId !== previewOf || page.answering
                               || page.media)) {
      post('media', { media: grant.media, event: 'closed' }).catch(() => {});
      return; // the call moved on while the grant was on its way
    }
    const m = newMedia(kind, grant);
    page.media = m;
    const conn = m.conn = new RTCPeerConnection({ iceServers: grant.iceServers, bundlePolicy: 'max-bundle' });
    dispatch({ type: 'media' });
    const local = kind === 'call' ? await openLocalMedia() : null;
    // the page may have answered, hung up or started other media while this one was being set up
    if (!alive(m)) { if (local) local.getTracks().forEach(t => t.stop()); return; }
    m.local = local;
    if (local) $('local').srcObject = local;
    const audio = local && local.getAudioTracks()[0];
    const video = local && local.getVideoTracks()[0];
    // a preview offers what a call offers (sendrecv) but has no track yet, so it sends nothing until the answer
    const idle = kind === 'preview' ? 'sendrecv' : 'recvonly';
    conn.addTransceiver(audio || 'audio', { direction: audio ? 'sendrecv' : idle, streams: local ? [local] : [] });
    conn.addTransceiver(video || 'video', { direction: video ? 'sendrecv' : idle, streams: local ? [local] : [] });
    if (kind === 'preview') watchPreview(m);
    const remote = new MediaStream();
    $('remote').muted = kind === 'preview';
    $('remote').srcObject = remote;
    conn.ontrack = e => { remote.addTrack(e.track); $('remote').play().catch(() => {}); };
    conn.onicecandidate = e => {
      if (!e.candidate || !e.candidate.candidate || !alive(m)) return;
      if (m.offerSent) mediaPost(m, 'candidate', { candidate: e.candidate.candidate });
      else m.pendingCandidates.push(e.candidate.candidate);
    };
    conn.onconnectionstatechange = () => {
      if (!alive(m)) return;
      if (conn.connectionState === 'connected') {
        mediaPost(m, 'media', { event: 'connected' });
        dispatch({ type: 'media-connected', media: m });
      }
      if (conn.connectionState === 'failed') {
        mediaPost(m, 'media', { event: 'failed' });
        dispatch({ type: 'media-stop', media: m });
      }
    };
    const offer = await conn.createOffer();
    await conn.setLocalDescription(offer);
    if (!alive(m)) return;
    await post('offer', { media: m.id, offer: conn.localDescription.sdp });
    if (!alive(m)) return;
    m.offerSent = true;
    for (const c of m.pendingCandidates.splice(0)) mediaPost(m, 'candidate', { candidate: c });
    m.keepAlive = setInterval(() => { if (alive(m)) mediaPost(m, 'media', { event: 'alive' }); }, 10000);
    dispatch({ type: 'media' });
  }

  // the call's media; a refusal that asks to try again (503: the panel's WebRTC configuration is being renewed) or a
  // request lost on the way is tried again while the call waits for its media (the binding's bound ends it otherwise)
  async function startCallMedia() {
    for (let delay = 500; ; delay = Math.min(2 * delay, 4000)) {
      try { await startMedia('call'); return; } catch (e) {
        console.warn('the call media did not start', e.status, e.message);
        const waiting = mine() && inCall();
        if (!waiting || (e.status !== undefined && e.status !== 503)) throw e;
        if (page.media) dispatch({ type: 'media-stop' });
        await new Promise(r => setTimeout(r, delay));
      }
    }
  }

  // the preview takes the snapshot's place once its first video frame is decoded (the snapshot stays otherwise)
  function watchPreview(m) {
    const timer = setInterval(async () => {
      if (!alive(m) || m.kind !== 'preview') { clearInterval(timer); return; }
      const stats = await m.conn.getStats().catch(() => null);
      let frames = 0;
      if (stats) stats.forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0; });
      if (frames > 0 && alive(m) && m.kind === 'preview') { clearInterval(timer); m.playing = true; dispatch({ type: 'media' }); }
    }, 250);
  }

  // the preview became the call's media: unmute, and send the microphone (and camera) on the same connection
  async function talkOnPreview(m) {
    m.kind = 'call';
    $('remote').play().catch(() => {});
    dispatch({ type: 'media' });
    const local = await openLocalMedia();
    if (!alive(m)) { if (local) local.getTracks().forEach(t => t.stop()); return; }
    m.local = local;
    if (local) {
      const [audioSender, videoSender] = m.conn.getTransceivers().map(t => t.sender);
      const audio = local.getAudioTracks()[0], video = local.getVideoTracks()[0];
      if (audio) await audioSender.replaceTrack(audio);
      if (video) await videoSender.replaceTrack(video);
      $('local').srcObject = local;
    }
    if (alive(m) && m.conn.connectionState === 'connected') mediaPost(m, 'media', { event: 'connected' });
    dispatch({ type: 'media' });
  }

  // the panel's answer and candidates for the page's media
  async function onMedia(ev) {
    if (ev.type === 'repair') { await repairMedia(); return; }
    const m = page.media;
    if (!m || ev.media !== m.id) return;
    const conn = m.conn;
    if (ev.type === 'answer') {
      if (conn.remoteDescription || m.answerTaken) return; // sent again after the event stream reconnected
      m.answerTaken = true;
      try {
        await conn.setRemoteDescription({ type: 'answer', sdp: ev.sdp });
      } catch (e) {
        reportMediaError(m, 'setRemoteDescription: ' + e.message);
        return;
      }
      if (!alive(m)) return; // closed or replaced meanwhile
      for (const c of m.remoteCandidates.splice(0)) addRemoteCandidate(m, c);
    } else if (ev.type === 'candidate') {
      // candidates may come before the answer (they are queued) and twice (a reconnected stream sends them again)
      if (!ev.candidate || m.seenCandidates.has(ev.candidate)) return;
      m.seenCandidates.add(ev.candidate);
      if (!conn.remoteDescription) m.remoteCandidates.push(ev.candidate); else await addRemoteCandidate(m, ev.candidate);
    } else if (ev.type === 'closed') {
      // reason 'media-session-limit': the panel serves few sessions and the call took this one
      dispatch({ type: 'media-stop', media: m, reason: ev.reason });
    }
  }
  async function addRemoteCandidate(m, c) {
    if (!alive(m)) return;
    const mid = m.conn.getTransceivers()[0].mid;
    try { await m.conn.addIceCandidate({ candidate: c, sdpMid: mid }); }
    catch (e) { reportMediaError(m, 'addIceCandidate: ' + e.message); }
  }
  // what went wrong with the media is told to the binding (its debug log), not swallowed
  function reportMediaError(m, detail) {
    if (alive(m)) mediaPost(m, 'media', { event: 'error', detail: String(detail).slice(0, 300) });
  }
  // a request about the page's media session; a 404 means the binding closed it: the page lets it go, and posts no more
  function mediaPost(m, op, body) {
    return post(op, Object.assign({ media: m.id }, body))
      .catch(e => { if (e.status === 404 && alive(m)) dispatch({ type: 'media-stop', media: m }); });
  }
  // the binding saw the call's media not connect in time: one fresh offer on a new connection
  async function repairMedia() {
    if (!mine() || !inCall()) return;
    dispatch({ type: 'repairing' });
    if (page.media) dispatch({ type: 'media-stop' });
    try { await startCallMedia(); } catch (e) { dispatch({ type: 'failed', error: e.message }); }
  }

  // ---------------------------------------------------------------- the binding's events
  // Server-Sent Events read with fetch, so that the page can show why the server refused (401, 429).
  function handleEvent(event, data) {
    const json = JSON.parse(data);
    if (event === 'state') dispatch({ type: 'state', state: json });
    // not awaited: Chromium never settles a setRemoteDescription or addIceCandidate whose connection was closed while
    // it ran (the page closes a preview when an answer does not take it over), and the stream must go on reading
    // whatever happens to one connection
    else if (event === 'media') onMedia(json).catch(e => console.warn('media event not handled', e));
    // the last event of a stream whose link was revoked: the stream ends, the page does not reconnect
    else if (event === 'link' && json.valid === false) dispatch({ type: 'link-invalid' });
  }

  async function listen() {
    for (;;) {
      let retry = 2000;
      const abort = new AbortController();
      try {
        const res = await fetch(url('events', '&c=' + client), { headers: { Accept: 'text/event-stream' },
                                                                 cache: 'no-store', signal: abort.signal });
        if (res.status === 401) { dispatch({ type: 'link-invalid' }); return; }
        if (res.status === 429) { dispatch({ type: 'notice', text: T.busy }); retry = 15000; throw new Error('429'); }
        if (!res.ok || !res.body) throw new Error(res.status);
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
            let event = 'message', data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (!data) continue;
            // one event that cannot be handled does not cost the stream (and the events after it)
            try { handleEvent(event, data); } catch (e) { console.warn('event not handled', event, e); }
          }
        }
      } catch (e) { /* reconnect below */ } finally {
        abort.abort(); // the old request ends before the new one opens
      }
      if (page.linkInvalid) return;
      if (retry === 2000 && page.server.state !== 'IDLE') dispatch({ type: 'notice', text: T.reconnecting });
      await new Promise(r => setTimeout(r, retry));
    }
  }

  // ---------------------------------------------------------------- the buttons
  async function answer() {
    dispatch({ type: 'answer-pressed' });
    try {
      const m = page.media;
      const preview = m && m.kind === 'preview' ? m : null;
      const res = await post('answer', { callId: page.server.callId, preview: preview ? preview.id : null });
      dispatch({ type: 'answered', callToken: res.callToken });
      if (preview && res.media === preview.id && alive(preview)) {
        await talkOnPreview(preview);
      } else {
        if (page.media) dispatch({ type: 'media-stop' });
        await startCallMedia();
      }
    } catch (e) { dispatch({ type: 'failed', error: e.message }); }
  }

  let doorTimer = null;
  function door(kind, text) {
    clearTimeout(doorTimer);
    dispatch({ type: 'door', door: kind, text });
    if (kind !== 'pending') doorTimer = setTimeout(() => dispatch({ type: 'door', door: '', text: '' }), 8000);
  }

  $('title').textContent = DATA.panel || T.title;
  for (const id of ['answer', 'reject', 'hangup', 'unlock', 'call']) $(id).textContent = T[id];
  $('sound').textContent = T.enableSound;
  $('sound').addEventListener('click', () => ringtone.unlock());
  // the first touch anywhere allows sound for the rest of the page's life
  window.addEventListener('pointerdown', () => ringtone.unlock(), { once: true });
  $('answer').addEventListener('click', answer);
  $('reject').addEventListener('click', () => post('reject', { callId: page.server.callId })
    .catch(e => dispatch({ type: 'failed', error: e.message })));
  $('hangup').addEventListener('click', async () => {
    try { await post('hangup', { callToken: page.callToken }); } catch (e) { /* the call may have ended already */ }
    dispatch({ type: 'media-stop' });
  });
  $('mute').addEventListener('click', () => {
    const track = page.media && page.media.local && page.media.local.getAudioTracks()[0];
    if (track) { track.enabled = !track.enabled; dispatch({ type: 'media' }); }
  });
  $('unlock').addEventListener('click', () => {
    door('pending', T.unlocking);
    post('unlock', { callToken: page.callToken })
      .then(() => door('opened', '\u2714 ' + T.unlocked), () => door('failed', T.doorFailed));
  });
  $('call').addEventListener('click', async () => {
    dispatch({ type: 'call-pressed' });
    try {
      dispatch({ type: 'call-started', callToken: (await post('call', { timeout: RING_TIMEOUT })).callToken });
    } catch (e) { dispatch({ type: 'failed', error: e.message }); }
  });
  $('view').addEventListener('click', async () => {
    if (page.viewing) { dispatch({ type: 'media-stop', tell: true }); return; }
    dispatch({ type: 'view-pressed' });
    try { await startMedia('view'); } catch (e) { dispatch({ type: 'failed', error: e.message }); }
  });
  window.addEventListener('pagehide', () => {
    const m = page.media;
    if (m) fetch(url('media'), { method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' },
                                 body: JSON.stringify({ client, media: m.id, event: 'closed' }) }).catch(() => {});
  });

  render();
  listen();
})();
