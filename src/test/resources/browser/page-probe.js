/*
 * Copyright (c) 2026 Tuya Intercom binding contributors
 * SPDX-License-Identifier: EPL-2.0
 *
 * What the browser tests read of a page, injected by the tests (WebHarness, CDP Page.addScriptToEvaluateOnNewDocument)
 * before any script of the page runs; nothing of it is shipped. window.pageProbe has:
 *  - stats(): the figures of the page's current peer connection (the last one call.js made that is not closed);
 *  - state: the last state event the page received; streamOpen(): whether its event stream is open;
 *  - callToken: the last call token a POST of the page was given;
 *  - violations: the Content-Security-Policy violations of the document (securitypolicyviolation events).
 */
(() => {
  const probe = window.pageProbe = { state: null, callToken: null, violations: [] };
  document.addEventListener('securitypolicyviolation', e => probe.violations.push({
    directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample,
    source: e.sourceFile, line: e.lineNumber }), true);

  const peers = [];
  const NativePeer = window.RTCPeerConnection;
  if (NativePeer) {
    window.RTCPeerConnection = class extends NativePeer {
      constructor(...args) {
        super(...args);
        if (String(new Error().stack).includes('/call.js')) peers.push(this);
      }
    };
  }
  const current = () => peers.filter(pc => pc.signalingState !== 'closed').pop() || null;
  probe.stats = async () => {
    const pc = current();
    const out = { framesDecoded: 0, audioPacketsReceived: 0, framesSent: 0, audioPacketsSent: 0,
                  connection: pc ? pc.connectionState : 'none', status: (document.getElementById('status') || {}).textContent,
                  streamOpen: probe.streamOpen() };
    if (!pc) return out;
    (await pc.getStats()).forEach(r => {
      if (r.type === 'inbound-rtp' && r.kind === 'video') out.framesDecoded += r.framesDecoded || 0;
      if (r.type === 'inbound-rtp' && r.kind === 'audio') out.audioPacketsReceived += r.packetsReceived || 0;
      if (r.type === 'outbound-rtp' && r.kind === 'video') out.framesSent += r.framesEncoded || 0;
      if (r.type === 'outbound-rtp' && r.kind === 'audio') out.audioPacketsSent += r.packetsSent || 0;
    });
    return out;
  };

  // the event streams (a copy of each is read here for its state events) and the answers to POSTs
  const streams = [];
  probe.streamOpen = () => streams.length > 0 && streams[streams.length - 1].open;
  async function readStates(body, record) {
    const reader = body.getReader(), decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
          let event = '', data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (event === 'state' && data) { try { probe.state = JSON.parse(data); } catch (e) { /* not JSON */ } }
        }
      }
    } catch (e) { /* aborted */ }
    record.open = false;
  }
  const realFetch = window.fetch;
  window.fetch = function (resource, init) {
    const result = realFetch.apply(this, arguments);
    const op = String(resource instanceof Request ? resource.url : resource).split('?')[0].split('/').pop();
    if (op === 'events') {
      const record = { open: false };
      streams.push(record);
      const signal = init && init.signal;
      if (signal) signal.addEventListener('abort', () => { record.open = false; });
      return result.then(res => {
        if (!res.ok || !res.body) return res;
        const [page, copy] = res.body.tee();
        record.open = !(signal && signal.aborted);
        readStates(copy, record);
        return new Response(page, { status: res.status, statusText: res.statusText, headers: res.headers });
      });
    }
    if (init && init.method === 'POST') {
      result.then(res => res.clone().json()).then(json => { if (json && json.callToken) probe.callToken = json.callToken; })
        .catch(() => {});
    }
    return result;
  };
})();
