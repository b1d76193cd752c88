// tests/model/validate.js: runs the Khronos glTF validator on a GLB and fails on any error.
// Usage: node validate.js FILE.glb   (gltf-validator installed with npm, found through NODE_PATH)
'use strict';
const fs = require('fs');
const validator = require('gltf-validator');

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.js FILE.glb');
  process.exit(2);
}
const data = new Uint8Array(fs.readFileSync(file));
validator.validateBytes(data, {maxIssues: 200})
  .then((report) => {
    const issues = report.issues;
    console.log(`${file}: ${issues.numErrors} errors, ${issues.numWarnings} warnings, ` +
                `${issues.numInfos} infos, ${issues.numHints} hints`);
    for (const m of issues.messages) {
      if (m.severity <= 1) console.log(`  [${m.severity === 0 ? 'error' : 'warning'}] ${m.code} ${m.pointer || ''}: ${m.message}`);
    }
    process.exit(issues.numErrors === 0 ? 0 : 1);
  })
  .catch((err) => {
    console.error(`${file}: validator failed: ${err}`);
    process.exit(1);
  });
