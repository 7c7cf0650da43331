#!/usr/bin/env node
// OTLP/HTTP trace and metrics receiver for orch's tests. Decodes with the
// code the OpenTelemetry project generated from opentelemetry-proto
// (@opentelemetry/otlp-proto-exporter-base), never with ours.
//
//   node receiver.js [--out requests.jsonl] [--metrics-out metrics.jsonl] [--port 0] [--mode MODE]
//                    [--status N] [--retry-after V] [--rejected N]
//                    [--tls-cert PEM --tls-key PEM [--tls-client-ca PEM]]
//
// With --tls-cert/--tls-key it serves https; with --tls-client-ca it also
// requires a client certificate signed by that CA (mutual TLS).
// Prints "listening on PORT" once ready (--port 0 picks a free port).
// Every accepted request is written as one JSON line: the decoded
// ExportTraceServiceRequest to --out, ExportMetricsServiceRequest (POSTed to a
// path ending in /v1/metrics) to --metrics-out, in OTLP/JSON form (ids as
// lowercase hex, 64-bit integers as strings, enums as numbers) plus "_http":
// {contentType, contentEncoding, userAgent, headers}. Both protocols
// (application/x-protobuf, application/json) and gzip bodies are accepted;
// undecodable bodies get 400, a signal without its file 404.
//
// MODE makes the collector misbehave (nothing is written to --out, except in partial):
//   ok       200 (the default)
//   partial  200 with an Export*ServiceResponse.partial_success rejecting
//            --rejected N spans or data points (default 1); the request is written as in ok
//   status   answer --status N (e.g. 503, 400), with Retry-After: V if given
//   hang     accept the request and never answer
//   close    drop the connection as soon as the request starts arriving
//   garbage  answer bytes that are not HTTP, then close
// The mode can be changed while running: POST /control?mode=ok[&status=N&retry-after=V&rejected=N].
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
const zlib = require('zlib');
const { opentelemetry } = require('@opentelemetry/otlp-proto-exporter-base/build/src/generated/root');

const { collector } = opentelemetry.proto;
// Each signal: its messages, the name of its partial success count, its output file argument.
const SIGNALS = {
  traces: {
    Request: collector.trace.v1.ExportTraceServiceRequest,
    Response: collector.trace.v1.ExportTraceServiceResponse,
    rejectedKey: 'rejectedSpans',
    outArg: 'out',
  },
  metrics: {
    Request: collector.metrics.v1.ExportMetricsServiceRequest,
    Response: collector.metrics.v1.ExportMetricsServiceResponse,
    rejectedKey: 'rejectedDataPoints',
    outArg: 'metrics-out',
  },
};
const PARTIAL_MESSAGE = 'rejected on purpose by the test receiver';
const ID_BYTES = { traceId: 16, spanId: 8, parentSpanId: 8 };
const INT64_KEYS = new Set(['startTimeUnixNano', 'endTimeUnixNano', 'timeUnixNano', 'intValue', 'asInt', 'count',
  'zeroCount']);
const INT64_ARRAY_KEYS = new Set(['bucketCounts']);
const ENUM_KEYS = new Set(['kind', 'code', 'aggregationTemporality']);

function parseArgs(argv) {
  const args = { port: '0', mode: 'ok', status: '503', 'retry-after': '', rejected: '1' };
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.out && !args['metrics-out']) throw new Error('--out FILE or --metrics-out FILE is required');
  if (!args['tls-cert'] !== !args['tls-key']) throw new Error('--tls-cert and --tls-key go together');
  return args;
}

// The answer to an accepted request: empty (full success), or a partial success.
function responseBody(signal, contentType, rejected) {
  const { Response } = signal;
  const message = rejected === null ? {} : { partialSuccess: { [signal.rejectedKey]: rejected, errorMessage: PARTIAL_MESSAGE } };
  if (contentType === 'application/json') {
    return JSON.stringify(Response.toObject(Response.fromObject(message), { longs: String }));
  }
  return Buffer.from(Response.encode(Response.fromObject(message)).finish());
}

function createServer(args, handler) {
  if (!args['tls-cert']) return http.createServer(handler);
  const options = { cert: fs.readFileSync(args['tls-cert']), key: fs.readFileSync(args['tls-key']) };
  if (args['tls-client-ca']) {
    Object.assign(options, { ca: fs.readFileSync(args['tls-client-ca']), requestCert: true, rejectUnauthorized: true });
  }
  return https.createServer(options, handler);
}

// Applies fn to every [key, value, parent] pair of a JSON tree.
function walk(node, fn) {
  if (Array.isArray(node)) return node.forEach((v) => walk(v, fn));
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    fn(k, v, node);
    walk(v, fn);
  }
}

// The OTLP/JSON rules protobufjs's fromObject would let slip: hex ids of the
// right length, 64-bit integers as strings, enums as numbers, camelCase keys.
function checkOtlpJson(obj) {
  walk(obj, (k, v) => {
    if (k.includes('_')) throw new Error(`"${k}" is not a lowerCamelCase field name`);
    if (k in ID_BYTES && !(typeof v === 'string' && new RegExp(`^[0-9a-f]{${2 * ID_BYTES[k]}}$`).test(v)))
      throw new Error(`${k} ${JSON.stringify(v)} is not ${ID_BYTES[k]} bytes of lowercase hex`);
    const decimal = (x) => typeof x === 'string' && /^-?[0-9]+$/.test(x);
    if (INT64_KEYS.has(k) && !decimal(v)) throw new Error(`${k} ${JSON.stringify(v)} is not a decimal string`);
    if (INT64_ARRAY_KEYS.has(k) && !(Array.isArray(v) && v.every(decimal)))
      throw new Error(`${k} ${JSON.stringify(v)} is not an array of decimal strings`);
    if (ENUM_KEYS.has(k) && !Number.isInteger(v)) throw new Error(`${k} ${JSON.stringify(v)} is not an integer`);
  });
}

function decode(Request, body, contentType) {
  if (contentType === 'application/x-protobuf') return Request.decode(body);
  if (contentType !== 'application/json') throw new Error(`unsupported Content-Type ${contentType}`);
  const obj = JSON.parse(body.toString('utf8'));
  checkOtlpJson(obj);
  // protobufjs reads bytes fields from JSON as base64; OTLP/JSON has them in hex.
  walk(obj, (k, v, parent) => {
    if (k in ID_BYTES) parent[k] = Buffer.from(v, 'hex').toString('base64');
  });
  return Request.fromObject(obj);  // throws on values of the wrong type
}

// The decoded message in OTLP/JSON form, identical for both protocols.
function toOtlpJson(Request, message) {
  const obj = Request.toObject(message, { longs: String, enums: Number, bytes: String, defaults: false });
  walk(obj, (k, v, parent) => {
    if (k in ID_BYTES) parent[k] = Buffer.from(v, 'base64').toString('hex');
  });
  return obj;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const behaviour = {
    mode: args.mode, status: Number(args.status), retryAfter: args['retry-after'], rejected: Number(args.rejected),
  };
  const outs = Object.fromEntries(Object.entries(SIGNALS).map(
    ([name, signal]) => [name, args[signal.outArg] ? fs.openSync(args[signal.outArg], 'a') : null]));
  const log = (msg) => process.stderr.write(`otlp-receiver: ${msg}\n`);

  const server = createServer(args, (req, res) => {
    const url = new URL(req.url, 'http://receiver');
    if (url.pathname === '/control') {
      behaviour.mode = url.searchParams.get('mode') || 'ok';
      behaviour.status = Number(url.searchParams.get('status') || 503);
      behaviour.retryAfter = url.searchParams.get('retry-after') || '';
      behaviour.rejected = Number(url.searchParams.get('rejected') || 1);
      log(`mode ${behaviour.mode}`);
      req.resume();
      return res.end('ok\n');
    }
    const { mode } = behaviour;
    log(`${req.method} ${req.url} ${req.headers['content-type']} (${mode})`);
    if (mode === 'close') return req.socket.destroy();
    if (mode === 'garbage') return req.socket.end('\x00\x01 not http at all \xff\r\n\r\n', 'latin1');

    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (mode === 'hang') return;  // keep the socket open; the client has to give up
      if (mode === 'status') {
        const headers = behaviour.retryAfter ? { 'Retry-After': behaviour.retryAfter } : {};
        res.writeHead(behaviour.status, headers);
        return res.end(`scripted ${behaviour.status}\n`);
      }
      const name = url.pathname.endsWith('/v1/metrics') ? 'metrics' : 'traces';
      const signal = SIGNALS[name];
      if (outs[name] === null) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end(`no --${signal.outArg} for ${name}\n`);
      }
      const contentType = (req.headers['content-type'] || '').split(';')[0].trim();
      let line;
      try {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
        else if (req.headers['content-encoding']) throw new Error(`unsupported Content-Encoding ${req.headers['content-encoding']}`);
        const request = toOtlpJson(signal.Request, decode(signal.Request, body, contentType));
        request._http = {
          contentType,
          contentEncoding: req.headers['content-encoding'] || '',
          userAgent: req.headers['user-agent'] || '',
          headers: req.headers,
        };
        line = JSON.stringify(request);
      } catch (e) {
        log(`rejected: ${e.message}`);
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        return res.end(`${e.message}\n`);
      }
      fs.writeSync(outs[name], `${line}\n`);
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(responseBody(signal, contentType, mode === 'partial' ? behaviour.rejected : null));
    });
  });
  server.keepAliveTimeout = 60000;
  server.listen(Number(args.port), '127.0.0.1', () => {
    process.stdout.write(`listening on ${server.address().port}\n`);
  });
  for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
}

main();
