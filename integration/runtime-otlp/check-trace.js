// Asserts every field of the trace traced_program.cpp produces, as decoded by
// the OpenTelemetry project's protobuf code in integration/otlp-receiver.
// checkTrace(requests, expect) returns a list of problems (empty: all good).
//   expect: { pid, protocol: 'http/protobuf'|'http/json', gzip: bool, hostname }
'use strict';

function attrs(list) {
  const out = {};
  for (const a of list || []) {
    const v = a.value || {};
    const types = Object.keys(v);
    out[a.key] = types.length === 1 ? { [types[0]]: v[types[0]] } : v;
  }
  return out;
}

// The remote parent (W3C traceparent) remote_request continues, and the
// tracestate it was attached with, as the header string spans carry.
const REMOTE = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' };
const REMOTE_TRACE_STATE = 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE';

// Each expected span: parent name (or remote parent), kind, attributes (typed,
// exact), status, events, trace state.
const EXPECTED = {
  handle_request: {
    parent: null, kind: 2, status: undefined,
    attributes: {
      'http.request.method': { stringValue: 'GET' },
      'int.positive': { intValue: '42' },
      'int.negative': { intValue: '-7' },
      'int.max': { intValue: '9223372036854775807' },
      'int.min': { intValue: '-9223372036854775808' },
      'double.value': { doubleValue: 2.5 },
      'double.small': { doubleValue: -1.25e-9 },
      'bool.true': { boolValue: true },
      'bool.false': { boolValue: false },
    },
  },
  parse_input: {
    parent: 'handle_request', kind: 1,
    attributes: { 'text.utf8': { stringValue: 'café €' }, 'text.empty': { stringValue: '' } },
  },
  'db.query': {
    parent: 'parse_input', kind: 3, function: 'query_database',
    attributes: {
      'db.system': { stringValue: 'sqlite' },
      'db.statement': { stringValue: 'SELECT 1' },
      'db.rows': { intValue: '0' },
    },
  },
  fail_with_exception: {
    parent: 'handle_request', kind: 1, status: { code: 2 },
    events: [{ name: 'exception', attributes: {
      'exception.type': { stringValue: 'std::runtime_error' },
      'exception.message': { stringValue: 'disk on fire' },
    } }],
  },
  fail_with_status: { parent: 'handle_request', kind: 1, status: { code: 2, message: 'bad input' } },
  publish: { parent: 'handle_request', kind: 4 },
  consume: { parent: 'handle_request', kind: 5 },
  remote_request: { parent: null, remote: REMOTE, kind: 2, traceState: REMOTE_TRACE_STATE },
  remote_work: { parent: 'remote_request', kind: 1, traceState: REMOTE_TRACE_STATE },
};
const SPAN_COUNT = Object.keys(EXPECTED).length;
const ORDER = ['parse_input', 'fail_with_exception', 'fail_with_status', 'publish', 'consume'];

const same = require('util').isDeepStrictEqual;

function checkTrace(requests, expect) {
  const problems = [];
  const fail = (msg) => problems.push(msg);
  const spans = [];
  for (const req of requests) {
    const http = req._http || {};
    const contentType = expect.protocol === 'http/json' ? 'application/json' : 'application/x-protobuf';
    if (http.contentType !== contentType) fail(`Content-Type ${http.contentType}, expected ${contentType}`);
    if (http.contentEncoding !== (expect.gzip ? 'gzip' : '')) fail(`Content-Encoding "${http.contentEncoding}"`);
    if ((http.headers || {})['x-orch-test'] !== 'e2e ok') fail('OTEL_EXPORTER_OTLP_HEADERS not sent (percent-decoded)');
    if (!/^orch-otlp-exporter/.test(http.userAgent)) fail(`User-Agent ${http.userAgent}`);
    for (const rs of req.resourceSpans || []) {
      const r = attrs(rs.resource && rs.resource.attributes);
      const want = {
        'service.name': { stringValue: 'orch-e2e' },
        'process.pid': { intValue: String(expect.pid) },
        'process.executable.name': { stringValue: 'traced_program' },
        'host.name': { stringValue: expect.hostname },
        'telemetry.sdk.name': { stringValue: 'orch' },
        'telemetry.sdk.language': { stringValue: 'cpp' },
      };
      for (const [k, v] of Object.entries(want)) if (!same(r[k], v)) fail(`resource ${k} is ${JSON.stringify(r[k])}, expected ${JSON.stringify(v)}`);
      const sdkVersion = (r['telemetry.sdk.version'] || {}).stringValue;
      if (!sdkVersion) fail('resource telemetry.sdk.version missing');
      for (const ss of rs.scopeSpans || []) {
        if (!ss.scope || ss.scope.name !== 'orch') fail(`scope name ${ss.scope && ss.scope.name}`);
        if (!ss.scope || ss.scope.version !== sdkVersion) fail(`scope version ${ss.scope && ss.scope.version}, sdk ${sdkVersion}`);
        spans.push(...(ss.spans || []));
      }
    }
  }

  const byName = {};
  for (const s of spans) {
    if (byName[s.name]) fail(`span ${s.name} exported twice`);
    byName[s.name] = s;
  }
  for (const name of Object.keys(byName)) if (!(name in EXPECTED)) fail(`unexpected span ${name}`);
  const ids = new Set();
  for (const [name, e] of Object.entries(EXPECTED)) {
    const s = byName[name];
    if (!s) { fail(`span ${name} missing`); continue; }
    if (!/^[0-9a-f]{32}$/.test(s.traceId) || /^0+$/.test(s.traceId)) fail(`${name}: trace id ${s.traceId}`);
    if (!/^[0-9a-f]{16}$/.test(s.spanId) || /^0+$/.test(s.spanId)) fail(`${name}: span id ${s.spanId}`);
    if (ids.has(s.spanId)) fail(`${name}: span id ${s.spanId} not unique`);
    ids.add(s.spanId);
    if (s.kind !== e.kind) fail(`${name}: kind ${s.kind}, expected ${e.kind}`);
    const start = BigInt(s.startTimeUnixNano || 0), end = BigInt(s.endTimeUnixNano || 0);
    const now = BigInt(Date.now()) * 1000000n;
    if (!(start > now - 600n * 1000000000n && start <= end && end <= now)) fail(`${name}: times ${start}..${end} not within the last 10 min and ordered`);
    const parent = e.parent && byName[e.parent];
    if (e.remote) {
      if (s.parentSpanId !== e.remote.spanId || s.traceId !== e.remote.traceId)
        fail(`${name}: trace ${s.traceId} parent ${s.parentSpanId}, expected the remote ${JSON.stringify(e.remote)}`);
    } else if (!e.parent && s.parentSpanId) {
      fail(`${name}: root span has parent ${s.parentSpanId}`);
    }
    if ((s.traceState || '') !== (e.traceState || '')) fail(`${name}: trace state "${s.traceState}", expected "${e.traceState || ''}"`);
    if (e.parent && parent) {
      if (s.parentSpanId !== parent.spanId) fail(`${name}: parent ${s.parentSpanId}, expected ${e.parent} (${parent.spanId})`);
      if (s.traceId !== parent.traceId) fail(`${name}: trace id differs from its parent's`);
      if (start < BigInt(parent.startTimeUnixNano) || end > BigInt(parent.endTimeUnixNano)) fail(`${name}: not within its parent's time`);
    }
    const a = attrs(s.attributes);
    const code = {
      'code.function.name': { stringValue: e.function || name },
      'code.line.number': a['code.line.number'],
      'code.file.path': a['code.file.path'],
    };
    if (!a['code.line.number'] || !(Number(a['code.line.number'].intValue) > 0)) fail(`${name}: code.line.number ${JSON.stringify(a['code.line.number'])}`);
    if (!a['code.file.path'] || !/traced_program\.cpp$/.test(a['code.file.path'].stringValue)) fail(`${name}: code.file.path ${JSON.stringify(a['code.file.path'])}`);
    const want = { ...code, ...(e.attributes || {}) };
    for (const k of new Set([...Object.keys(want), ...Object.keys(a)]))
      if (!same(a[k], want[k])) fail(`${name}: attribute ${k} is ${JSON.stringify(a[k])}, expected ${JSON.stringify(want[k])}`);
    if (s.droppedAttributesCount) fail(`${name}: ${s.droppedAttributesCount} attributes dropped`);
    const status = s.status && Object.keys(s.status).length ? s.status : undefined;
    if (!same(status, e.status)) fail(`${name}: status ${JSON.stringify(status)}, expected ${JSON.stringify(e.status)}`);
    const events = (s.events || []).map((ev) => {
      const t = BigInt(ev.timeUnixNano || 0);
      if (t < start || t > end) fail(`${name}: event ${ev.name} at ${t} outside the span`);
      return { name: ev.name, attributes: attrs(ev.attributes) };
    });
    if (!same(events, e.events || [])) fail(`${name}: events ${JSON.stringify(events)}, expected ${JSON.stringify(e.events || [])}`);
  }
  for (let i = 1; i < ORDER.length; i++) {
    const prev = byName[ORDER[i - 1]], next = byName[ORDER[i]];
    if (prev && next && BigInt(prev.endTimeUnixNano) > BigInt(next.startTimeUnixNano)) fail(`${ORDER[i]} starts before ${ORDER[i - 1]} ends`);
  }
  return problems;
}

module.exports = { checkTrace, SPAN_COUNT };
