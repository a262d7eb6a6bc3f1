// Writes a WARC file the way another crawler would, with warcio.js (an independent writer):
// warcinfo, request, response, metadata, a revisit of the response under a later date,
// and a resource. cqc-archive must import it record by record.
//   node write.mjs OUT.warc.gz
import fs from "node:fs";
import { WARCRecord, WARCSerializer } from "warcio";

const [out] = process.argv.slice(2);
const url = "https://news.example/2024/ward-closure.html";
const page =
  "<html><head><title>Ward closure follows inspection</title></head><body><article>" +
  "<h1>Ward closure follows inspection</h1><p>Inspectors found the seclusion room at " +
  "Larkspur Ward unsafe, and the trust closed the ward for repairs.</p></article></body></html>";
const enc = new TextEncoder();
async function* body(text) { yield enc.encode(text); }

const records = [];
records.push(WARCRecord.createWARCInfo({ filename: "other-crawler.warc.gz", warcVersion: "WARC/1.1" },
  { software: "warcio.js test writer", format: "WARC File Format 1.1" }));
records.push(WARCRecord.create({ url, type: "request", date: "2024-03-01T10:00:00Z", warcVersion: "WARC/1.1",
  statusline: "GET /2024/ward-closure.html HTTP/1.1", httpHeaders: { Host: "news.example" } }, body("")));
const response = WARCRecord.create({ url, type: "response", date: "2024-03-01T10:00:01Z", warcVersion: "WARC/1.1",
  statusline: "HTTP/1.1 200 OK",
  httpHeaders: { "Content-Type": "text/html; charset=utf-8", ETag: '"v1"' } }, body(page));
records.push(response);
records.push(WARCRecord.create({ url, type: "metadata", date: "2024-03-01T10:00:01Z", warcVersion: "WARC/1.1",
  warcHeaders: { "Content-Type": "application/json" } }, body('{"seed": true}')));
records.push(WARCRecord.create({ url: "https://news.example/notes.txt", type: "resource", date: "2024-03-02T09:00:00Z",
  warcVersion: "WARC/1.1", warcHeaders: { "Content-Type": "text/plain" } },
  body("Notes on the Larkspur Ward closure\n\nThe ward reopened in May.")));

const chunks = [];
for (const r of records) chunks.push(await WARCSerializer.serialize(r, { gzip: true }));
// The revisit refers to the response by its record id, as crawlers dedupe.
const responseId = response.warcHeader("WARC-Record-ID");
const payloadDigest = response.warcHeader("WARC-Payload-Digest");
const revisit = WARCRecord.create({ url, type: "revisit", date: "2024-04-01T10:00:00Z", warcVersion: "WARC/1.1",
  refersToUrl: url, refersToDate: "2024-03-01T10:00:01Z", statusline: "HTTP/1.1 304 Not Modified",
  httpHeaders: { ETag: '"v1"' },
  warcHeaders: { "WARC-Refers-To": responseId, "WARC-Payload-Digest": payloadDigest,
    "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/server-not-modified" } }, body(""));
chunks.push(await WARCSerializer.serialize(revisit, { gzip: true }));
fs.writeFileSync(out, Buffer.concat(chunks.map((c) => Buffer.from(c))));
console.log(JSON.stringify({ records: records.length + 1, responseId, payloadDigest }));
