// Validates JSON lines against the analyze example's JSON Schema with Ajv
// (draft 2020-12), independently of the Rust test that does the same:
//
//   node check_schema.js SCHEMA.json OUTPUT.jsonl...
"use strict";

const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let passed = 0;
let failed = 0;
for (const file of files) {
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      if (validate(JSON.parse(line))) {
        passed += 1;
      } else {
        failed += 1;
        console.log(`${file}:${i + 1}: ${ajv.errorsText(validate.errors)}`);
      }
    });
}
console.log(`schema: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
