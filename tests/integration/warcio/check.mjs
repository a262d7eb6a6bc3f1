// Reads every WARC file in a cqc-archive archive folder with warcio.js (an independent
// reader) and checks each record: parseable, WARC/1.1, the headers cqc-archive promises,
// and a WARC-Block-Digest that matches the block warcio reads. Prints one JSON summary line
// and exits 1 on any problem.
//   node check.mjs ARCHIVE_DIR EXPECTED_RESOURCE_RECORDS
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { WARCParser } from "warcio";

const [dir, expectedArg] = process.argv.slice(2);
const expected = Number(expectedArg);

function base32(buf) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0, value = 0, out = "";
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}

const problems = [];
const counts = {};
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".warc.gz")).sort()) {
  const parser = new WARCParser(fs.createReadStream(path.join(dir, name)));
  for await (const record of parser) {
    const type = record.warcType;
    counts[type] = (counts[type] || 0) + 1;
    const id = record.warcHeader("WARC-Record-ID");
    if (record.warcHeaders.protocol !== "WARC/1.1") problems.push(`${id}: version ${record.warcHeaders.protocol}`);
    for (const h of ["WARC-Record-ID", "WARC-Date", "Content-Length"])
      if (!record.warcHeader(h)) problems.push(`${name} ${type} record lacks ${h}`);
    const block = await record.readFully(false);
    if (type === "resource" || type === "revisit") {
      if (!record.warcTargetURI) problems.push(`${id}: no WARC-Target-URI`);
      const digest = "sha1:" + base32(crypto.createHash("sha1").update(block).digest());
      if (record.warcHeader("WARC-Block-Digest") !== digest)
        problems.push(`${id}: block digest ${digest} != header ${record.warcHeader("WARC-Block-Digest")}`);
      if (Number(record.warcHeader("Content-Length")) !== block.length)
        problems.push(`${id}: Content-Length ${record.warcHeader("Content-Length")} but ${block.length} bytes`);
    }
  }
}
if ((counts.resource || 0) !== expected)
  problems.push(`expected ${expected} resource records, warcio read ${counts.resource || 0}`);
console.log(JSON.stringify({ records: counts, problems }));
process.exit(problems.length ? 1 : 0);
