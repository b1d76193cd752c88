// tests/model/validate.js: runs the Khronos glTF validator on a .glb or .gltf (files it names are read from
// beside it) and fails on any error, except those of the codes given with --allow (each still counted).
// Usage: node validate.js FILE [--allow CODE]...   (gltf-validator installed with npm, found through NODE_PATH)
'use strict';
const fs = require('fs');
const path = require('path');
const validator = require('gltf-validator');

const args = process.argv.slice(2);
const file = args.shift();
const allowed = new Set();
while (args.length >= 2 && args[0] === '--allow') {
  args.shift();
  allowed.add(args.shift());
}
if (!file || args.length) {
  console.error('usage: node validate.js FILE [--allow CODE]...');
  process.exit(2);
}
const data = new Uint8Array(fs.readFileSync(file));
const external = (uri) => new Promise((resolve, reject) => {
  try {
    resolve(new Uint8Array(fs.readFileSync(path.join(path.dirname(file), decodeURIComponent(uri)))));
  } catch (err) {
    reject(err.toString());
  }
});
validator.validateBytes(data, {maxIssues: 1000, externalResourceFunction: external})
  .then((report) => {
    const issues = report.issues;
    console.log(`${file}: ${issues.numErrors} errors, ${issues.numWarnings} warnings, ` +
                `${issues.numInfos} infos, ${issues.numHints} hints`);
    let refused = 0;
    const allowedCounts = {};
    for (const m of issues.messages) {
      if (m.severity === 0 && allowed.has(m.code)) {
        allowedCounts[m.code] = (allowedCounts[m.code] || 0) + 1;
        continue;
      }
      if (m.severity === 0) ++refused;
      if (m.severity <= 1) console.log(`  [${m.severity === 0 ? 'error' : 'warning'}] ${m.code} ${m.pointer || ''}: ${m.message}`);
    }
    for (const [code, n] of Object.entries(allowedCounts)) console.log(`  allowed: ${code} x${n}`);
    process.exit(refused === 0 ? 0 : 1);
  })
  .catch((err) => {
    console.error(`${file}: validator failed: ${err}`);
    process.exit(1);
  });
