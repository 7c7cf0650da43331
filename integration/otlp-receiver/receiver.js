#!/usr/bin/env node
// OTLP/HTTP trace receiver for orch's tests. Decodes with the code the
// OpenTelemetry project generated from opentelemetry-proto
// (@opentelemetry/otlp-proto-exporter-base), never with ours.
//
//   node receiver.js --out requests.jsonl [--port 0] [--mode MODE] [--status N] [--retry-after V]
//
// Prints "listening on PORT" once ready (--port 0 picks a free port).
// Every accepted request is written to --out as one JSON line: the decoded
// ExportTraceServiceRequest in OTLP/JSON form (ids as lowercase hex, 64-bit
// integers as strings, enums as numbers) plus "_http": {contentType,
// contentEncoding, userAgent, headers}. Both protocols (application/x-protobuf,
// application/json) and gzip bodies are accepted; undecodable bodies get 400.
//
// MODE makes the collector misbehave (nothing is written to --out):
//   ok       200 (the default)
//   status   answer --status N (e.g. 503, 400), with Retry-After: V if given
//   hang     accept the request and never answer
//   close    drop the connection as soon as the request starts arriving
//   garbage  answer bytes that are not HTTP, then close
// The mode can be changed while running: POST /control?mode=ok[&status=N&retry-after=V].
'use strict';
const fs = require('fs');
const http = require('http');
const zlib = require('zlib');
const { opentelemetry } = require('@opentelemetry/otlp-proto-exporter-base/build/src/generated/root');

const Request = opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
const ID_BYTES = { traceId: 16, spanId: 8, parentSpanId: 8 };
const INT64_KEYS = new Set(['startTimeUnixNano', 'endTimeUnixNano', 'timeUnixNano', 'intValue']);
const ENUM_KEYS = new Set(['kind', 'code']);

function parseArgs(argv) {
  const args = { port: '0', mode: 'ok', status: '503', 'retry-after': '' };
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.out) throw new Error('--out FILE is required');
  return args;
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
    if (INT64_KEYS.has(k) && !(typeof v === 'string' && /^-?[0-9]+$/.test(v)))
      throw new Error(`${k} ${JSON.stringify(v)} is not a decimal string`);
    if (ENUM_KEYS.has(k) && !Number.isInteger(v)) throw new Error(`${k} ${JSON.stringify(v)} is not an integer`);
  });
}

function decode(body, contentType) {
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
function toOtlpJson(message) {
  const obj = Request.toObject(message, { longs: String, enums: Number, bytes: String, defaults: false });
  walk(obj, (k, v, parent) => {
    if (k in ID_BYTES) parent[k] = Buffer.from(v, 'base64').toString('hex');
  });
  return obj;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const behaviour = { mode: args.mode, status: Number(args.status), retryAfter: args['retry-after'] };
  const out = fs.openSync(args.out, 'a');
  const log = (msg) => process.stderr.write(`otlp-receiver: ${msg}\n`);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://receiver');
    if (url.pathname === '/control') {
      behaviour.mode = url.searchParams.get('mode') || 'ok';
      behaviour.status = Number(url.searchParams.get('status') || 503);
      behaviour.retryAfter = url.searchParams.get('retry-after') || '';
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
      const contentType = (req.headers['content-type'] || '').split(';')[0].trim();
      let line;
      try {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
        else if (req.headers['content-encoding']) throw new Error(`unsupported Content-Encoding ${req.headers['content-encoding']}`);
        const request = toOtlpJson(decode(body, contentType));
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
      fs.writeSync(out, `${line}\n`);
      // An empty ExportTraceServiceResponse: full success.
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(contentType === 'application/json' ? '{}' : Buffer.alloc(0));
    });
  });
  server.keepAliveTimeout = 60000;
  server.listen(Number(args.port), '127.0.0.1', () => {
    process.stdout.write(`listening on ${server.address().port}\n`);
  });
  for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
}

main();
