#!/usr/bin/env node
// An OTLP/HTTP protobuf trace receiver for throughput benchmarks: it decodes
// every ExportTraceServiceRequest with the OpenTelemetry project's generated
// decoder (as a collector does before anything else) and counts the spans,
// but writes nothing (receiver.js turns each request into JSON, which costs
// more than the decoding and is not what a collector spends its time on).
//
//   node counting-receiver.js [--port 0]
//
// Prints "listening on PORT" once ready; on SIGTERM or SIGINT, prints
// "requests N spans M" and exits.
'use strict';
const http = require('http');
const zlib = require('zlib');
const { opentelemetry } = require('@opentelemetry/otlp-proto-exporter-base/build/src/generated/root');

const { ExportTraceServiceRequest } = opentelemetry.proto.collector.trace.v1;
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
let requests = 0;
let spans = 0;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
      const message = ExportTraceServiceRequest.decode(body);
      for (const rs of message.resourceSpans) for (const ss of rs.scopeSpans) spans += ss.spans.length;
      ++requests;
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      return res.end(`${e.message}\n`);
    }
    res.writeHead(200, { 'Content-Type': 'application/x-protobuf' });
    res.end();
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    console.log(`requests ${requests} spans ${spans}`);
    process.exit(0);
  });
}
