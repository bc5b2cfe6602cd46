// Writes the transliteration schemes of npm's iuliia package (MIT, pinned in
// package.json) as one JSON object of schemes by name, the format of the
// iuliia project's schemas.json, which `veille kb build --iuliia` reads.
// The package ships them as JavaScript modules, hence this step.
//
// Usage: node scripts/iuliia-schemas.js > build/kb/iuliia-schemas.json
"use strict";
const fs = require("fs");
const path = require("path");

const generated = path.join(__dirname, "..", "node_modules", "iuliia", "dist", "cjs", "generated");
const schemes = {};
for (const file of fs.readdirSync(generated).sort()) {
  if (!file.endsWith(".js") || file.startsWith("_") || file.startsWith("Transliteration")) continue;
  const scheme = require(path.join(generated, file)).default;
  if (!scheme || typeof scheme.mapping !== "object") continue;
  schemes[scheme.name] = {
    name: scheme.name,
    description: scheme.description,
    url: scheme.url,
    mapping: scheme.mapping,
    prev_mapping: scheme.prev_mapping || null,
    next_mapping: scheme.next_mapping || null,
    ending_mapping: scheme.ending_mapping || null,
    samples: scheme.samples || [],
  };
}
if (Object.keys(schemes).length === 0) {
  process.stderr.write("iuliia-schemas: no schemes in " + generated + " (run scripts/install-deps)\n");
  process.exit(2);
}
process.stdout.write(JSON.stringify(schemes, null, 1) + "\n");
